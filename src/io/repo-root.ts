// The root that CI tools resolve report paths against. GitHub code scanning and workflow
// annotations take a file path relative to the repository's root, but bpm names files relative
// to where it runs: run in a subfolder (`working-directory: projects`), the paths would not
// attach. The root is GITHUB_WORKSPACE when it is set and holds the working directory, else the
// nearest directory above it with a .git (a directory, or a file in a worktree or submodule),
// else the working directory itself.
import { statSync } from 'node:fs';
import path from 'node:path';

export function repositoryRoot(cwd: string, env: NodeJS.ProcessEnv): string {
  const dir = path.resolve(cwd);
  const ws = env.GITHUB_WORKSPACE;
  if (ws) {
    const root = path.resolve(ws);
    if (dir === root || dir.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) return root;
  }
  for (let d = dir; ; d = path.dirname(d)) {
    if (statSync(path.join(d, '.git'), { throwIfNoEntry: false })) return d;
    if (path.dirname(d) === d) return dir;
  }
}
