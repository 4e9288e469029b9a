// Go harness: the protocol is documented in harness.py. The worker generates registry.go, which binds
// mmCandidate to the candidate's function (or Constructor for design problems); arguments are decoded
// into the function's own parameter types by reflection.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"time"
)

type ListNode struct {
	Val  int
	Next *ListNode
}

type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}

type mmSpec struct {
	Signature struct {
		Kind string `json:"kind"`
		Name string `json:"name"`
		Params []struct {
			Name string `json:"name"`
		} `json:"params"`
	} `json:"signature"`
	Tests []struct {
		Input map[string]json.RawMessage `json:"input"`
	} `json:"tests"`
	OutputCap int `json:"output_cap"`
}

var mmListType = reflect.TypeOf((*ListNode)(nil))
var mmTreeType = reflect.TypeOf((*TreeNode)(nil))

func mmDecode(raw json.RawMessage, t reflect.Type) (reflect.Value, error) {
	switch t {
	case mmListType:
		var vals []int
		if err := json.Unmarshal(raw, &vals); err != nil {
			return reflect.Value{}, err
		}
		var head *ListNode
		for i := len(vals) - 1; i >= 0; i-- {
			head = &ListNode{vals[i], head}
		}
		return reflect.ValueOf(head), nil
	case mmTreeType:
		var vals []*int
		if err := json.Unmarshal(raw, &vals); err != nil {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(mmBuildTree(vals)), nil
	}
	if t.Kind() == reflect.Slice && (t.Elem() == mmListType || t.Elem() == mmTreeType || t.Elem().Kind() == reflect.Slice) {
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return reflect.Value{}, err
		}
		out := reflect.MakeSlice(t, len(items), len(items))
		for i, item := range items {
			v, err := mmDecode(item, t.Elem())
			if err != nil {
				return reflect.Value{}, err
			}
			out.Index(i).Set(v)
		}
		return out, nil
	}
	ptr := reflect.New(t)
	if err := json.Unmarshal(raw, ptr.Interface()); err != nil {
		return reflect.Value{}, err
	}
	return ptr.Elem(), nil
}

func mmBuildTree(vals []*int) *TreeNode {
	if len(vals) == 0 || vals[0] == nil {
		return nil
	}
	root := &TreeNode{Val: *vals[0]}
	queue := []*TreeNode{root}
	i := 1
	for q := 0; q < len(queue) && i < len(vals); q++ {
		if i < len(vals) && vals[i] != nil {
			queue[q].Left = &TreeNode{Val: *vals[i]}
			queue = append(queue, queue[q].Left)
		}
		i++
		if i < len(vals) && vals[i] != nil {
			queue[q].Right = &TreeNode{Val: *vals[i]}
			queue = append(queue, queue[q].Right)
		}
		i++
	}
	return root
}

func mmEncode(v reflect.Value) interface{} {
	if !v.IsValid() {
		return nil
	}
	switch v.Type() {
	case mmListType:
		out := []int{}
		for n, guard := v.Interface().(*ListNode), 0; n != nil && guard < 1000000; n, guard = n.Next, guard+1 {
			out = append(out, n.Val)
		}
		return out
	case mmTreeType:
		out := []interface{}{}
		queue := []*TreeNode{v.Interface().(*TreeNode)}
		for q := 0; q < len(queue); q++ {
			if queue[q] == nil {
				out = append(out, nil)
				continue
			}
			out = append(out, queue[q].Val)
			queue = append(queue, queue[q].Left, queue[q].Right)
		}
		for len(out) > 0 && out[len(out)-1] == nil {
			out = out[:len(out)-1]
		}
		return out
	}
	if v.Kind() == reflect.Slice || v.Kind() == reflect.Array {
		if v.Kind() == reflect.Slice && v.IsNil() {
			return []interface{}{}
		}
		out := make([]interface{}, v.Len())
		for i := range out {
			out[i] = mmEncode(v.Index(i))
		}
		return out
	}
	return v.Interface()
}

func mmErrorInfo(p interface{}) map[string]interface{} {
	typeName := fmt.Sprintf("%T", p)
	if err, ok := p.(runtime.Error); ok {
		typeName = "runtime.Error"
		p = err.Error()
	}
	info := map[string]interface{}{"type": "panic(" + typeName + ")", "message": fmt.Sprint(p), "line": nil}
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(0, pcs)])
	for {
		frame, more := frames.Next()
		if strings.HasSuffix(frame.File, "/solution.go") {
			info["line"] = frame.Line
			break
		}
		if !more {
			break
		}
	}
	return info
}

func mmCall(spec *mmSpec, input map[string]json.RawMessage) (result interface{}) {
	fn := reflect.ValueOf(mmCandidate)
	if spec.Signature.Kind == "class" {
		var ctorArgs, argLists []json.RawMessage
		var ops []string
		json.Unmarshal(input["constructor"], &ctorArgs)
		json.Unmarshal(input["operations"], &ops)
		json.Unmarshal(input["arguments"], &argLists)
		obj := fn.Call(mmArgs(fn.Type(), ctorArgs))[0]
		ptr := reflect.New(obj.Type())
		ptr.Elem().Set(obj)
		results := []interface{}{}
		for k, op := range ops {
			method := ptr.MethodByName(mmPascal(op))
			if !method.IsValid() {
				panic(fmt.Sprintf("method %s is not defined", mmPascal(op)))
			}
			var raw []json.RawMessage
			json.Unmarshal(argLists[k], &raw)
			out := method.Call(mmArgs(method.Type(), raw))
			if len(out) == 0 {
				results = append(results, nil)
			} else {
				results = append(results, mmEncode(out[0]))
			}
		}
		return results
	}
	raw := []json.RawMessage{}
	for _, p := range spec.Signature.Params {
		raw = append(raw, input[p.Name])
	}
	out := fn.Call(mmArgs(fn.Type(), raw))
	if len(out) == 0 {
		return nil
	}
	return mmEncode(out[0])
}

func mmArgs(t reflect.Type, raw []json.RawMessage) []reflect.Value {
	if len(raw) != t.NumIn() {
		panic(fmt.Sprintf("expected %d arguments, the test gives %d", t.NumIn(), len(raw)))
	}
	args := make([]reflect.Value, t.NumIn())
	for i := range args {
		v, err := mmDecode(raw[i], t.In(i))
		if err != nil {
			panic(fmt.Sprintf("argument %d: %v", i, err))
		}
		args[i] = v
	}
	return args
}

func mmPascal(name string) string {
	parts := strings.Split(name, "_")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "")
}

func mmCapped(path string, limit int) (string, bool) {
	data, _ := os.ReadFile(path)
	if len(data) > limit {
		return string(data[:limit]), true
	}
	return string(data), false
}

func mmRunTest(i int, spec *mmSpec, emit func(map[string]interface{})) {
	emit(map[string]interface{}{"t": "start", "i": i})
	realOut, realErr := os.Stdout, os.Stderr
	outFile, _ := os.Create("/tmp/.mm_stdout")
	errFile, _ := os.Create("/tmp/.mm_stderr")
	os.Stdout, os.Stderr = outFile, errFile
	record := map[string]interface{}{"t": "done", "i": i}
	var before syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	start := time.Now()
	func() {
		defer func() {
			if p := recover(); p != nil {
				record["error"] = mmErrorInfo(p)
			}
		}()
		record["actual"] = mmCall(spec, spec.Tests[i].Input)
	}()
	record["wall_ms"] = float64(time.Since(start).Microseconds()) / 1000
	var after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := (after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
	record["cpu_ms"] = float64(cpu) / 1e6
	record["mem_kb"] = after.Maxrss
	os.Stdout, os.Stderr = realOut, realErr
	outFile.Close()
	errFile.Close()
	stdout, outOverflow := mmCapped("/tmp/.mm_stdout", spec.OutputCap)
	stderr, errOverflow := mmCapped("/tmp/.mm_stderr", spec.OutputCap)
	record["stdout"], record["stderr"], record["ole"] = stdout, stderr, outOverflow || errOverflow
	emit(record)
}

func main() {
	var fd int
	fmt.Sscan(os.Args[1], &fd)
	records := os.NewFile(uintptr(fd), "records")
	emit := func(record map[string]interface{}) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		if err := enc.Encode(record); err != nil {
			buf.Reset()
			enc.Encode(map[string]interface{}{"t": "done", "i": record["i"], "error": map[string]interface{}{
				"type": "json", "message": "result is not JSON-serialisable: " + err.Error()}})
		}
		records.Write(buf.Bytes())
	}
	data, err := os.ReadFile(os.Args[2])
	if err != nil {
		panic(err)
	}
	var spec mmSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		panic(err)
	}
	emit(map[string]interface{}{"t": "load"})
	for i := range spec.Tests {
		mmRunTest(i, &spec, emit)
	}
}
