// Java harness: the protocol is documented in harness.py. Compiled once per host (it is trusted code)
// and put on the class path before the submission's own classes. It finds the candidate's class and
// method by reflection and decodes each JSON argument into the method's own parameter type, so the
// candidate may write int[] or List<Integer>, long or int, as they like.
//   argv: <record fd> <spec.json path> <candidate class> <candidate file name>
import java.io.*;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

public final class MmHarness {
    // Deep recursion (10^5 frames) must fit, yet runaway recursion must end as a StackOverflowError
    // well before the stack's memory reaches the cgroup's cap.
    static final long TEST_THREAD_STACK_BYTES = 16L << 20; // ~10^5 interpreted or ~10^6 compiled frames
    static PrintStream records;
    static String candidateFile;

    public static void main(String[] args) throws Exception {
        records = new PrintStream(new FileOutputStream(inheritedFd(Integer.parseInt(args[0]))), true, StandardCharsets.UTF_8);
        Map<?, ?> spec = (Map<?, ?>) new Json(Files.readString(Path.of(args[1]))).parse();
        candidateFile = args[3];
        Thread runner = new Thread(null, () -> runAll(spec, args[2]), "candidate", TEST_THREAD_STACK_BYTES);
        runner.start();
        runner.join();
        records.flush();
        Runtime.getRuntime().halt(0); // do not wait for threads the candidate left running
    }

    /** The record pipe belongs to the worker's uid, so /proc/self/fd/N cannot be reopened: wrap the fd itself
     *  (needs --add-opens java.base/java.io=ALL-UNNAMED on the command line). */
    static FileDescriptor inheritedFd(int number) throws Exception {
        FileDescriptor fd = new FileDescriptor();
        Field field = FileDescriptor.class.getDeclaredField("fd");
        field.setAccessible(true);
        field.setInt(fd, number);
        return fd;
    }

    static void runAll(Map<?, ?> spec, String className) {
        Map<?, ?> signature = (Map<?, ?>) spec.get("signature");
        int cap = ((Number) spec.get("output_cap")).intValue();
        Class<?> target;
        try {
            target = Class.forName(className, true, MmHarness.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            emit("{\"t\":\"load\",\"error\":" + errorJson("NameError", "class " + className + " is not defined", null) + "}");
            return;
        } catch (Throwable e) {
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            emit("{\"t\":\"load\",\"error\":" + errorJson(cause) + "}");
            return;
        }
        emit("{\"t\":\"load\"}");
        ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
        PrintStream realOut = System.out, realErr = System.err;
        List<?> tests = (List<?>) spec.get("tests");
        for (int i = 0; i < tests.size(); i++) {
            emit("{\"t\":\"start\",\"i\":" + i + "}");
            Map<?, ?> input = (Map<?, ?>) ((Map<?, ?>) tests.get(i)).get("input");
            CappedStream out = new CappedStream(cap), err = new CappedStream(cap);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            String actual = null, error = null;
            boolean mle = false;
            long cpu = cpuClock.getCurrentThreadCpuTime(), wall = System.nanoTime();
            try {
                actual = "class".equals(signature.get("kind")) ? callClass(target, signature, input)
                        : callFunction(target, signature, input);
            } catch (OutputLimitExceeded e) {
                // reported through the streams' overflow flags
            } catch (Throwable e) {
                Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
                // "unable to create native thread" is the process limit, not memory
                if (cause instanceof OutOfMemoryError && !String.valueOf(cause.getMessage()).contains("native thread")) {
                    mle = true;
                }
                error = errorJson(cause);
            }
            double cpuMs = (cpuClock.getCurrentThreadCpuTime() - cpu) / 1e6, wallMs = (System.nanoTime() - wall) / 1e6;
            System.setOut(realOut);
            System.setErr(realErr);
            StringBuilder record = new StringBuilder("{\"t\":\"done\",\"i\":").append(i)
                    .append(",\"cpu_ms\":").append(cpuMs).append(",\"wall_ms\":").append(wallMs)
                    .append(",\"mem_kb\":").append(peakRssKb())
                    .append(",\"stdout\":").append(quote(out.text())).append(",\"stderr\":").append(quote(err.text()))
                    .append(",\"ole\":").append(out.overflow || err.overflow);
            if (mle) record.append(",\"mle\":true");
            if (error != null) record.append(",\"error\":").append(error);
            else if (actual != null) record.append(",\"actual\":").append(actual);
            emit(record.append("}").toString());
        }
    }

    // ---- calling the candidate ---------------------------------------------------------------

    static String callFunction(Class<?> target, Map<?, ?> signature, Map<?, ?> input) throws Exception {
        List<?> params = (List<?>) signature.get("params");
        Method method = findMethod(target, camel((String) signature.get("name")), params.size());
        Object receiver = Modifier.isStatic(method.getModifiers()) ? null : newInstance(target, List.of());
        Type[] types = method.getGenericParameterTypes();
        Object[] args = new Object[types.length];
        for (int k = 0; k < types.length; k++) {
            args[k] = decode(input.get(((Map<?, ?>) params.get(k)).get("name")), types[k]);
        }
        return encodeResult(method, method.invoke(receiver, args));
    }

    static String callClass(Class<?> target, Map<?, ?> signature, Map<?, ?> input) throws Exception {
        Object ctorArgs = input.get("constructor");
        Object obj = newInstance(target, ctorArgs == null ? List.of() : (List<?>) ctorArgs);
        List<?> operations = (List<?>) input.get("operations"), arguments = (List<?>) input.get("arguments");
        StringBuilder out = new StringBuilder("[");
        for (int k = 0; k < operations.size(); k++) {
            List<?> args = (List<?>) arguments.get(k);
            Method method = findMethod(target, camel((String) operations.get(k)), args.size());
            Object result = method.invoke(obj, decodeAll(args, method.getGenericParameterTypes()));
            out.append(k == 0 ? "" : ",").append(encodeResult(method, result));
        }
        return out.append("]").toString();
    }

    static Object newInstance(Class<?> target, List<?> args) throws Exception {
        for (Constructor<?> ctor : target.getDeclaredConstructors()) {
            if (ctor.getParameterCount() == args.size()) {
                ctor.setAccessible(true);
                return ctor.newInstance(decodeAll(args, ctor.getGenericParameterTypes()));
            }
        }
        throw new NoSuchMethodException(target.getSimpleName() + " has no constructor taking " + args.size() + " arguments");
    }

    static Method findMethod(Class<?> target, String name, int arity) throws NoSuchMethodException {
        for (Class<?> c = target; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == arity) {
                    m.setAccessible(true);
                    return m;
                }
            }
        }
        throw new NoSuchMethodException("method " + name + " taking " + arity + " arguments is not defined in "
                + target.getSimpleName());
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') upper = true;
            else { out.append(upper ? Character.toUpperCase(c) : c); upper = false; }
        }
        return out.toString();
    }

    // ---- JSON value -> the parameter's Java type ---------------------------------------------

    static Object[] decodeAll(List<?> values, Type[] types) throws Exception {
        Object[] out = new Object[types.length];
        for (int k = 0; k < types.length; k++) out[k] = decode(k < values.size() ? values.get(k) : null, types[k]);
        return out;
    }

    static Object decode(Object value, Type type) throws Exception {
        if (type instanceof ParameterizedType) {
            Class<?> raw = (Class<?>) ((ParameterizedType) type).getRawType();
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            if (value == null) return null;
            if (List.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw)) {
                List<Object> out = new ArrayList<>();
                for (Object v : (List<?>) value) out.add(decode(v, item));
                return out;
            }
            throw new IllegalArgumentException("unsupported parameter type " + type);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == int.class || cls == Integer.class) return value == null ? nullFor(cls) : ((Number) value).intValue();
        if (cls == long.class || cls == Long.class) return value == null ? nullFor(cls) : ((Number) value).longValue();
        if (cls == double.class || cls == Double.class) return value == null ? nullFor(cls) : ((Number) value).doubleValue();
        if (cls == float.class || cls == Float.class) return value == null ? nullFor(cls) : ((Number) value).floatValue();
        if (cls == boolean.class || cls == Boolean.class) return value == null ? nullFor(cls) : (Boolean) value;
        if (cls == char.class || cls == Character.class) return value == null || ((String) value).isEmpty() ? nullFor(cls) : ((String) value).charAt(0);
        if (value == null) return null;
        if (cls == String.class || cls == Object.class) return value;
        if (cls.isArray()) {
            List<?> items = (List<?>) value;
            Class<?> item = cls.getComponentType();
            if (item == int.class) { // the common case, kept fast for 10^5-element inputs
                int[] out = new int[items.size()];
                for (int k = 0; k < out.length; k++) out[k] = ((Number) items.get(k)).intValue();
                return out;
            }
            Object out = Array.newInstance(item, items.size());
            for (int k = 0; k < items.size(); k++) Array.set(out, k, decode(items.get(k), item));
            return out;
        }
        if (cls.getSimpleName().equals("ListNode")) return buildList(cls, (List<?>) value);
        if (cls.getSimpleName().equals("TreeNode")) return buildTree(cls, (List<?>) value);
        throw new IllegalArgumentException("unsupported parameter type " + cls.getName());
    }

    static Object nullFor(Class<?> cls) {
        if (cls.isPrimitive()) throw new IllegalArgumentException("null passed for a " + cls + " parameter");
        return null;
    }

    static Object buildList(Class<?> cls, List<?> values) throws Exception {
        Field val = field(cls, "val"), next = field(cls, "next");
        Object head = null;
        for (int k = values.size() - 1; k >= 0; k--) {
            Object node = newNode(cls);
            val.setInt(node, ((Number) values.get(k)).intValue());
            next.set(node, head);
            head = node;
        }
        return head;
    }

    static Object buildTree(Class<?> cls, List<?> values) throws Exception {
        if (values.isEmpty() || values.get(0) == null) return null;
        Field val = field(cls, "val"), left = field(cls, "left"), right = field(cls, "right");
        Object root = newNode(cls);
        val.setInt(root, ((Number) values.get(0)).intValue());
        List<Object> queue = new ArrayList<>(List.of(root));
        int k = 1;
        for (int q = 0; q < queue.size() && k < values.size(); q++) {
            for (Field side : new Field[] {left, right}) {
                if (k < values.size() && values.get(k) != null) {
                    Object child = newNode(cls);
                    val.setInt(child, ((Number) values.get(k)).intValue());
                    side.set(queue.get(q), child);
                    queue.add(child);
                }
                k++;
            }
        }
        return root;
    }

    static Object newNode(Class<?> cls) throws Exception {
        Constructor<?> ctor = cls.getDeclaredConstructor();
        ctor.setAccessible(true);
        return ctor.newInstance();
    }

    static Field field(Class<?> cls, String name) throws NoSuchFieldException {
        Field f = cls.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    // ---- Java value -> JSON ------------------------------------------------------------------

    static String encodeResult(Method method, Object result) throws Exception {
        String type = method.getReturnType().getSimpleName();
        if (method.getReturnType() == void.class) return "null";
        if (result == null && (type.equals("ListNode") || type.equals("TreeNode"))) return "[]"; // an empty list/tree
        return encode(result);
    }

    static String encode(Object value) throws Exception {
        StringBuilder out = new StringBuilder();
        encode(value, out);
        return out.toString();
    }

    static void encode(Object v, StringBuilder out) throws Exception {
        if (v == null) out.append("null");
        else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            out.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) out.append(v);
        else if (v instanceof CharSequence || v instanceof Character) out.append(quote(v.toString()));
        else if (v.getClass().isArray()) {
            out.append('[');
            for (int k = 0, n = Array.getLength(v); k < n; k++) {
                if (k > 0) out.append(',');
                encode(Array.get(v, k), out);
            }
            out.append(']');
        } else if (v instanceof Iterable) {
            out.append('[');
            boolean first = true;
            for (Object item : (Iterable<?>) v) {
                if (!first) out.append(',');
                first = false;
                encode(item, out);
            }
            out.append(']');
        } else if (v instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!first) out.append(',');
                first = false;
                out.append(quote(String.valueOf(e.getKey()))).append(':');
                encode(e.getValue(), out);
            }
            out.append('}');
        } else if (v.getClass().getSimpleName().equals("ListNode")) encodeList(v, out);
        else if (v.getClass().getSimpleName().equals("TreeNode")) encodeTree(v, out);
        else throw new IllegalArgumentException("cannot turn a " + v.getClass().getName() + " into JSON");
    }

    static void encodeList(Object node, StringBuilder out) throws Exception {
        Field val = field(node.getClass(), "val"), next = field(node.getClass(), "next");
        out.append('[');
        for (int guard = 0; node != null && guard < 1_000_000; node = next.get(node), guard++) {
            if (guard > 0) out.append(',');
            out.append(val.getInt(node));
        }
        out.append(']');
    }

    static void encodeTree(Object root, StringBuilder out) throws Exception {
        Field val = field(root.getClass(), "val"), left = field(root.getClass(), "left"), right = field(root.getClass(), "right");
        List<String> items = new ArrayList<>();
        List<Object> queue = new ArrayList<>(List.of(root));
        for (int q = 0; q < queue.size() && q < 2_000_000; q++) {
            Object node = queue.get(q);
            if (node == null) { items.add("null"); continue; }
            items.add(Integer.toString(val.getInt(node)));
            queue.add(left.get(node));
            queue.add(right.get(node));
        }
        while (!items.isEmpty() && items.get(items.size() - 1).equals("null")) items.remove(items.size() - 1);
        out.append('[').append(String.join(",", items)).append(']');
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c == '\n') out.append("\\n");
            else if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(s, k)) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    static boolean validSurrogate(String s, int k) {
        char c = s.charAt(k);
        return Character.isHighSurrogate(c) ? k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))
                : k > 0 && Character.isHighSurrogate(s.charAt(k - 1));
    }

    // ---- records and errors ------------------------------------------------------------------

    static void emit(String record) {
        records.print(record + "\n");
        records.flush();
    }

    static String errorJson(Throwable e) {
        Integer line = null;
        for (StackTraceElement frame : e.getStackTrace()) {
            if (candidateFile.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                line = frame.getLineNumber(); // the innermost frame in the candidate's file
                break;
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        return errorJson(e.getClass().getSimpleName(), message.length() > 2000 ? message.substring(0, 2000) : message, line);
    }

    static String errorJson(String type, String message, Integer line) {
        return "{\"type\":" + quote(type) + ",\"message\":" + quote(message) + ",\"line\":" + line + "}";
    }

    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            // not on Linux: report nothing
        }
        return 0;
    }

    /** Thrown out of System.out once a test printed too much; an Error so `catch (Exception e)` misses it. */
    static final class OutputLimitExceeded extends Error {
        OutputLimitExceeded() { super("output limit exceeded", null, false, false); }
    }

    static final class CappedStream extends OutputStream {
        final int cap;
        final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long size;
        boolean overflow;

        CappedStream(int cap) { this.cap = cap; }

        @Override public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }

        @Override public void write(byte[] b, int off, int len) {
            if (size < cap) kept.write(b, off, (int) Math.min(len, cap - size));
            size += len;
            if (size > cap) {
                overflow = true;
                throw new OutputLimitExceeded();
            }
        }

        String text() { return kept.toString(StandardCharsets.UTF_8); }
    }

    /** A small JSON reader: objects -> LinkedHashMap, arrays -> ArrayList, integers -> Long, others -> Double. */
    static final class Json {
        final String s;
        int p;

        Json(String text) { s = text; }

        Object parse() {
            skipSpace();
            char c = s.charAt(p);
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (s.startsWith("true", p)) { p += 4; return Boolean.TRUE; }
            if (s.startsWith("false", p)) { p += 5; return Boolean.FALSE; }
            if (s.startsWith("null", p)) { p += 4; return null; }
            return number();
        }

        Map<String, Object> object() {
            Map<String, Object> out = new LinkedHashMap<>();
            p++;
            skipSpace();
            if (s.charAt(p) == '}') { p++; return out; }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                p++; // ':'
                out.put(key, parse());
                skipSpace();
                if (s.charAt(p++) == '}') return out;
            }
        }

        List<Object> array() {
            List<Object> out = new ArrayList<>();
            p++;
            skipSpace();
            if (s.charAt(p) == ']') { p++; return out; }
            while (true) {
                out.add(parse());
                skipSpace();
                if (s.charAt(p++) == ']') return out;
            }
        }

        String string() {
            StringBuilder out = new StringBuilder();
            p++;
            while (true) {
                char c = s.charAt(p++);
                if (c == '"') return out.toString();
                if (c != '\\') { out.append(c); continue; }
                char e = s.charAt(p++);
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u': out.append((char) Integer.parseInt(s.substring(p, p + 4), 16)); p += 4; break;
                    default: out.append(e);
                }
            }
        }

        Object number() {
            int start = p;
            boolean integer = true;
            while (p < s.length() && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) {
                if (".eE".indexOf(s.charAt(p)) >= 0) integer = false;
                p++;
            }
            String text = s.substring(start, p);
            return integer ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
        }

        void skipSpace() {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) p++;
        }
    }
}
