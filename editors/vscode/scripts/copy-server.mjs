// Copies the release server built by the caller into server/copydesk so that
// it ships inside the .vsix: $COPYDESK_SERVER_BINARY, else release/copydesk
// under $CARGO_TARGET_DIR (relative to the repository root when relative, as
// cargo run there takes it), else ../../target/release/copydesk. Without a
// built server the package still works with `copydesk.server.path` or PATH;
// a $COPYDESK_SERVER_BINARY that is missing is an error.
import { copyFileSync, chmodSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const exe = process.platform === "win32" ? "copydesk.exe" : "copydesk";
const repo = resolve(root, "../..");
const cargoTarget = process.env.CARGO_TARGET_DIR ? resolve(repo, process.env.CARGO_TARGET_DIR) : resolve(repo, "target");
const source = process.env.COPYDESK_SERVER_BINARY ?? join(cargoTarget, "release", exe);
if (process.env.COPYDESK_SERVER_BINARY && !existsSync(source)) {
  console.error(`COPYDESK_SERVER_BINARY=${source} does not exist: build it first (cargo build --release)`);
  process.exit(1);
}
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
