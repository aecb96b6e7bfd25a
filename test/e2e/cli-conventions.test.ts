// The command line speaks with one voice and follows ESLint's conventions where users expect
// them: --max-warnings says why it failed and takes -1 for "no limit", score thresholds share one
// range check, every error starts with `bpm:` (commander's too), --color forces colour and a dumb
// terminal gets none.
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { BIN, fixture, ROOT, runCli, spawnBpm } from '../helpers/run.js';

const VAGUE = fixture('validate', 'vague-goal'); // one warning, no error

/** Runs bpm with its standard output closed by the reader before bpm writes (`bpm … | head`). */
function withReaderGone(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject).on('close', (code) => resolve({ code, stderr }));
  });
}

describe('e2e: command-line conventions', () => {
  it('a full disk under standard output is an I/O error: exit 2, said once on stderr', function () {
    if (!existsSync('/dev/full')) this.skip();
    for (const args of [['--help'], ['--version'], ['score', 'examples'], ['validate', 'examples']]) {
      const fd = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' } });
        expect(r.status, args.join(' ')).to.equal(2);
        expect(r.stderr.trim().split('\n'), args.join(' ')).to.have.length(1);
        expect(r.stderr, args.join(' ')).to.match(/^bpm: could not write the output to standard output \(ENOSPC/);
      } finally {
        closeSync(fd);
      }
    }
  });

  it('a reader that goes away (bpm … | head) ends bpm quietly: no stack trace, no message', async () => {
    for (const args of [['--help'], ['variance', '--help'], ['score', 'examples'], ['validate', 'examples', '--format', 'json'], ['schema', 'dossier']]) {
      const { code, stderr } = await withReaderGone(args);
      expect(stderr, args.join(' ')).to.equal('');
      expect(code, args.join(' ')).to.equal(0);
    }
  });


  it('--max-warnings 0 with a warning exits 1 and says why on stderr, also with -q', async () => {
    for (const extra of [[], ['-q']]) {
      const r = await runCli(['validate', VAGUE, '--max-warnings', '0', ...extra]);
      expect(r.code).to.equal(1);
      expect(r.stderr).to.equal('bpm: 1 warning, more than --max-warnings 0\n');
    }
    const zh = await runCli(['validate', VAGUE, '--max-warnings', '0', '--lang', 'zh']);
    expect(zh.stderr).to.equal('bpm: 有 1 个警告，超过 --max-warnings 0\n');
  });
  it('--max-warnings -1 means no limit; -2 and 1.5 are usage errors', async () => {
    const r = await runCli(['validate', VAGUE, '--max-warnings', '-1']);
    expect([r.code, r.stderr]).to.deep.equal([0, '']);
    for (const bad of ['-2', '1.5']) {
      const e = await runCli(['validate', VAGUE, `--max-warnings=${bad}`]);
      expect(e.code, bad).to.equal(2);
      expect(e.stderr).to.equal(`bpm: invalid value for --max-warnings: "${bad}"\n`);
    }
  });
  it('--fail-under and --min-score take the same 0-100 range', async () => {
    for (const [cmd, opt] of [
      ['score', '--fail-under'],
      ['review', '--min-score'],
    ]) {
      for (const bad of ['200', '-1', '101']) {
        const r = await runCli([cmd, 'examples/culture-community-events', opt, bad]);
        expect(r.code, `${opt} ${bad}`).to.equal(2);
        expect(r.stderr).to.equal(`bpm: invalid value for ${opt}: "${bad}"\n`);
      }
      expect((await runCli([cmd, 'examples/culture-community-events', opt, '0'])).code, `${opt} 0`).to.equal(0);
    }
  });
  it("commander's own errors carry the bpm: prefix too", async () => {
    expect((await runCli(['validate', '--bogus'])).stderr).to.equal("bpm: unknown option '--bogus'\n");
    expect((await runCli(['bogus'])).stderr).to.match(/^bpm: unknown command 'bogus'/);
    const r = await runCli(['score', '--fail-under']);
    expect([r.code, r.stderr]).to.deep.equal([2, "bpm: option '--fail-under <n>' argument missing\n"]);
  });
  it("commander's own errors are said in the run's language (--lang zh, or a zh locale)", async () => {
    const zh = async (args: string[]) => {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).to.equal(2);
      return r.stderr;
    };
    expect(await zh(['validate', 'examples', '--lang', 'zh', '--format', 'foo'])).to.equal('bpm: 选项 -f, --format <format> 的取值“foo”无效；可选：stylish、json、junit、sarif、github、markdown\n');
    expect(await zh(['validate', '--lang', 'zh', '--bogus', 'examples'])).to.equal('bpm: 未知选项 --bogus\n');
    expect(await zh(['score', '--lang=zh', '--fail-under'])).to.equal('bpm: 选项 --fail-under <n> 缺少取值\n');
    // bpm's own usage errors read --lang=zh the same way.
    expect(await zh(['validate', 'no-such-file.yaml', '--lang=zh'])).to.equal('bpm: 文件或目录不存在：no-such-file.yaml\n');
    expect(await zh(['schema', 'a', 'b', '--lang', 'zh'])).to.equal('bpm: 参数过多：应为 1 个，实际为 2 个\n');
    expect((await runCli(['scor', 'examples'], { env: { LANG: 'zh_CN.UTF-8' } })).stderr).to.equal('bpm: 未知命令 scor（是否应为“score”？）\n');
    expect((await runCli(['scor', 'examples'], { env: { LANG: 'en_US.UTF-8' } })).stderr).to.equal('bpm: unknown command \'scor\' (did you mean "score"?)\n');
  });
  it('--color forces colour into a pipe; --no-color and TERM=dumb on a terminal give none', () => {
    const colored = spawnBpm(['validate', VAGUE, '--color'], { env: { FORCE_COLOR: undefined } });
    expect(colored.stdout).to.include('\u001b[');
    const plain = spawnBpm(['validate', VAGUE], { env: { FORCE_COLOR: undefined } });
    expect(plain.stdout).not.to.include('\u001b[');
  });
  it('TERM=dumb: no colour even on a terminal (in-process, a TTY-like stdout)', async () => {
    const { main } = await import('../../src/cli.js');
    const { PassThrough } = await import('node:stream');
    const run = async (env: NodeJS.ProcessEnv) => {
      const stdout = Object.assign(new PassThrough(), { isTTY: true });
      let out = '';
      stdout.on('data', (c: Buffer) => (out += c.toString()));
      await main(['node', 'bpm', 'validate', VAGUE], { cwd: process.cwd(), stdout, stderr: new PassThrough(), env: { LANG: 'en_US.UTF-8', ...env } });
      return out;
    };
    expect(await run({ TERM: 'xterm-256color' })).to.include('\u001b[');
    expect(await run({ TERM: 'dumb' })).not.to.include('\u001b[');
  });
});
