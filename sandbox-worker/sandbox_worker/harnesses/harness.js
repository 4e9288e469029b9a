// JavaScript harness: the protocol is documented in harness.py. Runs the candidate's file with
// vm.runInThisContext so its stack frames are named "solution.js" with the candidate's own lines.
"use strict";
const fs = require("fs");
const vm = require("vm");

const [recordFd, specPath, solutionPath] = process.argv.slice(2);
const fd = Number(recordFd);
const emit = (record) => fs.writeSync(fd, JSON.stringify(record) + "\n");

class ListNode { constructor(val = 0, next = null) { this.val = val; this.next = next; } }
class TreeNode { constructor(val = 0, left = null, right = null) { this.val = val; this.left = left; this.right = right; } }
globalThis.ListNode = ListNode;
globalThis.TreeNode = TreeNode;
globalThis.require = require;
// Node users end their file with `module.exports = …` or `exports.f = …` out of habit: give the candidate's
// script a CommonJS module of its own, and look the function up there when it is not a global.
const candidateModule = { exports: {} };
globalThis.module = candidateModule;
globalThis.exports = candidateModule.exports;

const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

function toNative(value, type) {
  if (value === null || value === undefined) return null;
  if (type.endsWith("[]")) return value.map((v) => toNative(v, type.slice(0, -2)));
  if (type === "ListNode") { let head = null; for (let i = value.length - 1; i >= 0; i--) head = new ListNode(value[i], head); return head; }
  if (type === "TreeNode") return buildTree(value);
  return value;
}

function buildTree(values) {
  if (!values.length || values[0] === null) return null;
  const root = new TreeNode(values[0]);
  const queue = [root];
  let i = 1;
  for (let q = 0; q < queue.length && i < values.length; q++) {
    for (const side of ["left", "right"]) {
      if (i < values.length && values[i] !== null) { queue[q][side] = new TreeNode(values[i]); queue.push(queue[q][side]); }
      i++;
    }
  }
  return root;
}

function toJson(value) {
  if (value === undefined) return null;
  if (value instanceof ListNode) { const out = []; let n = value, guard = 0; while (n && guard++ < 1e6) { out.push(n.val); n = n.next; } return out; }
  if (value instanceof TreeNode) {
    const out = [], queue = [value];
    for (let q = 0; q < queue.length; q++) { const n = queue[q]; out.push(n ? n.val : null); if (n) queue.push(n.left, n.right); }
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  }
  if (Array.isArray(value) || value instanceof Set) return Array.from(value, toJson);
  if (ArrayBuffer.isView(value)) return Array.from(value);
  if (typeof value === "bigint") return Number(value);
  if (value !== null && typeof value === "object") { const o = {}; for (const k of Object.keys(value)) o[k] = toJson(value[k]); return o; }
  return value;
}

function errorInfo(err) {
  if (!(err instanceof Error)) return { type: "Error", message: String(err).slice(0, 2000), line: null };
  const match = /solution\.js:(\d+)/.exec(err.stack || "");
  return { type: err.name || "Error", message: String(err.message).slice(0, 2000), line: match ? Number(match[1]) : null };
}

function capture(cap) {
  const sink = { text: "", size: 0, overflow: false };
  const write = (chunk) => { const s = String(chunk); if (sink.size < cap) sink.text += s.slice(0, cap - sink.size); sink.size += s.length; sink.overflow = sink.size > cap; if (sink.overflow) throw new RangeError("output limit exceeded"); return true; };
  return { sink, write };
}

function candidateBinding(name) {
  const global = vm.runInThisContext(`typeof ${name} === "undefined" ? undefined : ${name}`);
  if (global !== undefined) return global;
  const exported = candidateModule.exports;
  if (typeof exported === "function") return exported;  // module.exports = function (…) {…}
  if (exported !== null && typeof exported === "object" && exported[name] !== undefined) return exported[name];
  // `exports = …` rebinds only the global the script saw, not module.exports
  const rebound = globalThis.exports;
  if (rebound !== candidateModule.exports && rebound !== null && typeof rebound === "object") return rebound[name];
  return typeof rebound === "function" ? rebound : undefined;
}

function callOnce(signature, input) {
  if (signature.kind === "class") {
    const Cls = candidateBinding(signature.name);
    if (typeof Cls !== "function") throw new ReferenceError(`class ${signature.name} is not defined`);
    const methods = Object.fromEntries((signature.methods || []).map((m) => [m.name, m]));
    const ctorTypes = (signature.params || []).map((p) => p.type);
    const obj = new Cls(...(input.constructor || []).map((v, i) => toNative(v, ctorTypes[i] || "any")));
    return input.operations.map((op, k) => {
      const types = ((methods[op] || {}).params || []).map((p) => p.type);
      const fn = obj[camel(op)] || obj[op];
      if (typeof fn !== "function") throw new TypeError(`method ${camel(op)} is not defined`);
      return toJson(fn.apply(obj, input.arguments[k].map((v, i) => toNative(v, types[i] || "any"))));
    });
  }
  const name = camel(signature.name);
  const fn = candidateBinding(name);
  if (typeof fn !== "function") throw new ReferenceError(`function ${name} is not defined`);
  const result = fn(...signature.params.map((p) => toNative(input[p.name], p.type)));
  // An empty list or tree travels as [] in every language.
  if ((result === null || result === undefined) && ["ListNode", "TreeNode"].includes(signature.returns)) return [];
  return toJson(result);
}

function main() {
  const spec = JSON.parse(fs.readFileSync(specPath, "utf8"));
  const source = fs.readFileSync(solutionPath, "utf8");
  let script;
  try {
    script = new vm.Script(source, { filename: "solution.js" });
  } catch (err) {
    const info = errorInfo(err);
    emit({ t: "compile_error", message: `${info.type}: ${info.message}\n${String(err.stack).split("\n").slice(0, 3).join("\n")}` });
    return;
  }
  const realOut = process.stdout.write.bind(process.stdout), realErr = process.stderr.write.bind(process.stderr);
  try { script.runInThisContext(); } catch (err) { emit({ t: "load", error: errorInfo(err) }); return; }
  emit({ t: "load" });
  spec.tests.forEach((test, i) => {
    emit({ t: "start", i });
    const out = capture(spec.output_cap), err = capture(spec.output_cap);
    process.stdout.write = out.write; process.stderr.write = err.write;
    const record = { t: "done", i };
    const wall = process.hrtime.bigint(), cpu = process.cpuUsage();
    try { record.actual = callOnce(spec.signature, test.input); }
    catch (e) { record.error = errorInfo(e); }
    finally { process.stdout.write = realOut; process.stderr.write = realErr; }
    const used = process.cpuUsage(cpu);
    record.wall_ms = Number(process.hrtime.bigint() - wall) / 1e6;
    record.cpu_ms = (used.user + used.system) / 1000;
    record.mem_kb = process.resourceUsage().maxRSS;
    Object.assign(record, { stdout: out.sink.text, stderr: err.sink.text, ole: out.sink.overflow || err.sink.overflow });
    try { emit(record); } catch (e) { emit({ t: "done", i, error: { type: "TypeError", message: `result is not JSON-serialisable: ${e.message}` } }); }
  });
}

main();
