/** Which speech recognition the Talk button uses; the server's is the default where it runs. */
export type Recognition = "server" | "browser";

/** The server's recognition unless the candidate chose the browser's (or the server has none). */
export function recognitionMode(preferred: Recognition | null, serverAvailable: boolean | null, browserSupported: boolean | null): Recognition | null {
  if (preferred === "browser" && browserSupported) return "browser";
  if (serverAvailable) return "server";
  if (browserSupported) return "browser";
  return null;
}
