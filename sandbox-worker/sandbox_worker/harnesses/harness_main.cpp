// C++ harness: the protocol is documented in harness.py. The worker appends a generated
// mm_call(signature-specific) function after this file; the candidate's code comes before it.
#include <sys/resource.h>
namespace mm {
struct Json {
  enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
  bool b = false; double num = 0; long long integer = 0; bool is_integer = false; std::string str;
  std::vector<Json> items; std::vector<std::pair<std::string, Json>> fields;
  const Json &operator[](const std::string &key) const {
    static Json null_json;
    for (auto &f : fields) if (f.first == key) return f.second;
    return null_json;
  }
};
struct Parser {
  const std::string &s; size_t p = 0;
  explicit Parser(const std::string &text) : s(text) {}
  void ws() { while (p < s.size() && isspace((unsigned char)s[p])) p++; }
  Json parse() {
    ws(); Json j;
    if (s[p] == '{') { p++; j.kind = Json::Object; ws(); if (s[p] == '}') { p++; return j; }
      while (true) { ws(); std::string k = parse().str; ws(); p++; j.fields.push_back({k, parse()}); ws(); if (s[p++] == '}') break; } }
    else if (s[p] == '[') { p++; j.kind = Json::Array; ws(); if (s[p] == ']') { p++; return j; }
      while (true) { j.items.push_back(parse()); ws(); if (s[p++] == ']') break; } }
    else if (s[p] == '"') { p++; j.kind = Json::String;
      while (s[p] != '"') { if (s[p] == '\\') { p++; char c = s[p++];
          if (c == 'n') j.str += '\n'; else if (c == 't') j.str += '\t'; else if (c == 'r') j.str += '\r';
          else if (c == 'b') j.str += '\b'; else if (c == 'f') j.str += '\f';
          else if (c == 'u') { unsigned code = std::stoul(s.substr(p, 4), nullptr, 16); p += 4;
            if (code < 0x80) j.str += (char)code; else if (code < 0x800) { j.str += (char)(0xC0 | code >> 6); j.str += (char)(0x80 | (code & 0x3F)); }
            else { j.str += (char)(0xE0 | code >> 12); j.str += (char)(0x80 | ((code >> 6) & 0x3F)); j.str += (char)(0x80 | (code & 0x3F)); } }
          else j.str += c; } else j.str += s[p++]; }
      p++; }
    else if (s.compare(p, 4, "true") == 0) { p += 4; j.kind = Json::Bool; j.b = true; }
    else if (s.compare(p, 5, "false") == 0) { p += 5; j.kind = Json::Bool; }
    else if (s.compare(p, 4, "null") == 0) { p += 4; }
    else { size_t start = p; while (p < s.size() && strchr("+-0123456789.eE", s[p])) p++;
      std::string t = s.substr(start, p - start); j.kind = Json::Number; j.num = std::stod(t);
      j.is_integer = t.find_first_of(".eE") == std::string::npos; if (j.is_integer) j.integer = std::stoll(t); }
    return j;
  }
};
template <class T> struct From;
template <> struct From<int> { static int get(const Json &j) { return (int)j.integer; } };
template <> struct From<long long> { static long long get(const Json &j) { return j.is_integer ? j.integer : (long long)j.num; } };
template <> struct From<double> { static double get(const Json &j) { return j.num; } };
template <> struct From<bool> { static bool get(const Json &j) { return j.b; } };
template <> struct From<std::string> { static std::string get(const Json &j) { return j.str; } };
template <> struct From<char> { static char get(const Json &j) { return j.str.empty() ? 0 : j.str[0]; } };
template <class T> struct From<std::vector<T>> { static std::vector<T> get(const Json &j) {
  std::vector<T> out; for (auto &item : j.items) out.push_back(From<T>::get(item)); return out; } };
template <> struct From<ListNode *> { static ListNode *get(const Json &j) {
  ListNode *head = nullptr; for (size_t i = j.items.size(); i-- > 0;) head = new ListNode((int)j.items[i].integer, head); return head; } };
template <> struct From<TreeNode *> { static TreeNode *get(const Json &j) {
  if (j.items.empty() || j.items[0].kind == Json::Null) return nullptr;
  TreeNode *root = new TreeNode((int)j.items[0].integer); std::vector<TreeNode *> q{root}; size_t i = 1;
  for (size_t k = 0; k < q.size() && i < j.items.size(); k++) {
    if (i < j.items.size() && j.items[i].kind != Json::Null) { q[k]->left = new TreeNode((int)j.items[i].integer); q.push_back(q[k]->left); } i++;
    if (i < j.items.size() && j.items[i].kind != Json::Null) { q[k]->right = new TreeNode((int)j.items[i].integer); q.push_back(q[k]->right); } i++; }
  return root; } };
template <class T> T from(const Json &j) { return From<T>::get(j); }

inline std::string quote(const std::string &s) {
  std::string out = "\"";
  for (unsigned char c : s) { if (c == '"' || c == '\\') { out += '\\'; out += c; } else if (c == '\n') out += "\\n";
    else if (c < 0x20) { char buf[8]; snprintf(buf, sizeof buf, "\\u%04x", c); out += buf; } else out += c; }
  return out + "\"";
}
inline std::string to_json(int v) { return std::to_string(v); }
inline std::string to_json(long long v) { return std::to_string(v); }
inline std::string to_json(long v) { return std::to_string(v); }
inline std::string to_json(double v) { if (!std::isfinite(v)) return "null"; char buf[64]; snprintf(buf, sizeof buf, "%.17g", v); return buf; }
inline std::string to_json(bool v) { return v ? "true" : "false"; }
inline std::string to_json(char v) { return quote(std::string(1, v)); }
inline std::string to_json(const std::string &v) { return quote(v); }
inline std::string to_json(ListNode *n) { std::string out = "["; for (int guard = 0; n && guard < 1000000; n = n->next, guard++) { if (out.size() > 1) out += ","; out += std::to_string(n->val); } return out + "]"; }
inline std::string to_json(TreeNode *root) {
  std::vector<std::string> out; std::vector<TreeNode *> q{root};
  for (size_t k = 0; k < q.size(); k++) { if (!q[k]) { out.push_back("null"); continue; } out.push_back(std::to_string(q[k]->val)); q.push_back(q[k]->left); q.push_back(q[k]->right); }
  while (!out.empty() && out.back() == "null") out.pop_back();
  std::string s = "["; for (size_t i = 0; i < out.size(); i++) { if (i) s += ","; s += out[i]; } return s + "]";
}
template <class T> std::string to_json(const std::vector<T> &v) {
  std::string s = "["; for (size_t i = 0; i < v.size(); i++) { if (i) s += ","; s += to_json((T)v[i]); } return s + "]"; }

inline double cpu_ms() { rusage u; getrusage(RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0; }
inline long max_rss_kb() { rusage u; getrusage(RUSAGE_SELF, &u); return u.ru_maxrss; }
std::string mm_call(const Json &input);  // generated per signature
}  // namespace mm

int main(int argc, char **argv) {
  FILE *records = fdopen(atoi(argv[1]), "w");
  std::ifstream spec_file(argv[2]); std::stringstream buffer; buffer << spec_file.rdbuf();
  std::string text = buffer.str(); mm::Json spec = mm::Parser(text).parse();
  size_t cap = (size_t)spec["output_cap"].integer;
  fprintf(records, "{\"t\":\"load\"}\n"); fflush(records);
  for (size_t i = 0; i < spec["tests"].items.size(); i++) {
    fprintf(records, "{\"t\":\"start\",\"i\":%zu}\n", i); fflush(records);
    std::stringstream out, err; auto *real_out = std::cout.rdbuf(out.rdbuf()); auto *real_err = std::cerr.rdbuf(err.rdbuf());
    std::string result, error; bool mle = false;
    double cpu = mm::cpu_ms(); auto wall = std::chrono::steady_clock::now();
    try { result = mm::mm_call(spec["tests"].items[i]["input"]); }
    catch (const std::bad_alloc &e) { mle = true; error = "{\"type\":\"std::bad_alloc\",\"message\":" + mm::quote(e.what()) + "}"; }
    catch (const std::exception &e) { error = "{\"type\":\"std::exception\",\"message\":" + mm::quote(e.what()) + "}"; }
    catch (...) { error = "{\"type\":\"exception\",\"message\":\"a non-standard exception was thrown\"}"; }
    double cpu_used = mm::cpu_ms() - cpu;
    double wall_used = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall).count();
    std::cout.rdbuf(real_out); std::cerr.rdbuf(real_err);
    std::string so = out.str(), se = err.str(); bool ole = so.size() > cap || se.size() > cap;
    std::string record = "{\"t\":\"done\",\"i\":" + std::to_string(i) + ",\"cpu_ms\":" + mm::to_json(cpu_used) +
      ",\"wall_ms\":" + mm::to_json(wall_used) + ",\"mem_kb\":" + std::to_string(mm::max_rss_kb()) +
      ",\"stdout\":" + mm::quote(so.substr(0, cap)) + ",\"stderr\":" + mm::quote(se.substr(0, cap)) +
      ",\"ole\":" + (ole ? "true" : "false") + (mle ? ",\"mle\":true" : "") +
      (error.empty() ? ",\"actual\":" + result : ",\"error\":" + error) + "}\n";
    fputs(record.c_str(), records); fflush(records);
  }
  return 0;
}
