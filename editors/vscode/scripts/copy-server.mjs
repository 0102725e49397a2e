// Copies the release server built by the caller (../../target/release/copydesk)
// into server/copydesk so that it ships inside the .vsix. Without a built
// server the package still works with `copydesk.server.path` or PATH.
import { copyFileSync, chmodSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const exe = process.platform === "win32" ? "copydesk.exe" : "copydesk";
const source = process.env.COPYDESK_SERVER_BINARY ?? resolve(root, "../../target/release", exe);
const targetDir = join(root, "server");
rmSync(targetDir, { recursive: true, force: true });
if (existsSync(source)) {
  mkdirSync(targetDir, { recursive: true });
  const target = join(targetDir, exe);
  copyFileSync(source, target);
  chmodSync(target, 0o755);
  // The release profile keeps line tables; the shipped binary does not need them.
  if (process.platform !== "win32") {
    spawnSync("strip", [target], { stdio: "ignore" });
  }
  console.log(`bundled ${source} -> server/${exe}`);
} else {
  console.warn(`no server at ${source}: the package will use copydesk.server.path or PATH`);
}
