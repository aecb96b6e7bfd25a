import { expect } from 'chai';
import { linkSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { isSameFile } from '../../../src/io/output-guard.js';
import { writeOutput } from '../../../src/io/output.js';
import { UsageError } from '../../../src/errors.js';
import { tempDir } from '../../helpers/temp.js';

let dir: string;

async function rejection(p: Promise<unknown>): Promise<UsageError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('expected a rejection');
}

describe('io/output writeOutput', () => {
  beforeEach(() => {
    dir = realpathSync(tempDir('bpm-output-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes to the given stream when there is no output file', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeOutput('表头,值\n', { cwd: dir, inputs: [], stdout: out });
    await writeOutput(Buffer.from([0xef, 0xbb, 0xbf]), { cwd: dir, inputs: [], stdout: out });
    expect(Buffer.concat(chunks).toString()).to.equal('表头,值\n\ufeff');
  });

  it('writes a sequence of text and already encoded chunks in order, to a stream and to a file', async () => {
    const chunks = () => ['汇总\n', Buffer.from('项目一\n', 'utf8'), Buffer.from('项目二\n', 'utf8'), '问题\n'];
    const out = new PassThrough();
    const got: Buffer[] = [];
    out.on('data', (c: Buffer) => got.push(c));
    await writeOutput(chunks(), { cwd: dir, inputs: [], stdout: out });
    expect(Buffer.concat(got).toString()).to.equal('汇总\n项目一\n项目二\n问题\n');
    await writeOutput(chunks(), { output: 'r.txt', cwd: dir, inputs: [] });
    expect(readFileSync(path.join(dir, 'r.txt'), 'utf8')).to.equal('汇总\n项目一\n项目二\n问题\n');
  });

  it('writes a file relative to cwd, replacing an existing one and keeping its mode', async () => {
    writeFileSync(path.join(dir, 'report.md'), 'old');
    chmodSync(path.join(dir, 'report.md'), 0o640);
    await writeOutput('new content', { output: 'report.md', cwd: dir, inputs: [path.join(dir, 'in.yaml')] });
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).to.equal('new content');
    expect(statSync(path.join(dir, 'report.md')).mode & 0o777).to.equal(0o640);
    expect(readdirSync(dir)).to.deep.equal(['report.md']); // no temporary file left
  });

  it('refuses to write over an input, through any path that leads to it', async () => {
    const input = path.join(dir, 'data.csv');
    writeFileSync(input, 'project,period,metric,value\n');
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync(input, path.join(dir, 'link.csv'));
    linkSync(input, path.join(dir, 'hard.csv'));
    for (const output of ['data.csv', './sub/../data.csv', path.join(dir, 'data.csv'), 'link.csv', 'hard.csv']) {
      const e = await rejection(writeOutput('x', { output, cwd: dir, inputs: [input] }));
      expect(e.key, output).to.equal('output-is-input');
      expect(e.args).to.deep.equal({ file: output });
    }
    expect(readFileSync(input, 'utf8')).to.equal('project,period,metric,value\n');
  });

  it('refuses an output path that reaches an input through a symlinked directory', async () => {
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real/in.yaml'), 'a: 1\n');
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'alias'));
    const e = await rejection(writeOutput('x', { output: 'alias/in.yaml', cwd: dir, inputs: [path.join(dir, 'real/in.yaml')] }));
    expect(e.key).to.equal('output-is-input');
  });

  it('fails cleanly for a target in a directory that does not exist', async () => {
    const e = await rejection(writeOutput('x', { output: 'missing/out.json', cwd: dir, inputs: [] }));
    expect(e.key).to.equal('write-failed');
    expect(e.args).to.deep.equal({ file: 'missing/out.json', reason: 'ENOENT: no such file or directory' });
    expect(readdirSync(dir)).to.deep.equal([]);
  });

  it('leaves the old target intact and no temporary file when the write fails before the rename', async () => {
    const target = path.join(dir, 'score.json');
    writeFileSync(target, '{"old":true}');
    let seenTemp = '';
    const e = await rejection(
      writeOutput('{"new":true}', {
        output: 'score.json',
        cwd: dir,
        inputs: [],
        beforeRename: (temp) => {
          seenTemp = temp;
          // the temporary file is complete and beside the target
          expect(readFileSync(temp, 'utf8')).to.equal('{"new":true}');
          expect(path.dirname(temp)).to.equal(dir);
          expect(path.basename(temp)).to.match(/^\.score\.json\.\d+\.[0-9a-f]+\.tmp$/);
          throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        },
      }),
    );
    expect(e.key).to.equal('write-failed');
    expect(e.args).to.deep.equal({ file: 'score.json', reason: 'ENOSPC' });
    expect(seenTemp).to.not.equal('');
    expect(readFileSync(target, 'utf8')).to.equal('{"old":true}');
    expect(readdirSync(dir)).to.deep.equal(['score.json']);
  });

  it('refuses a directory as the target before writing anything', async () => {
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out/keep.txt'), 'k');
    const e = await rejection(writeOutput('x', { output: 'out', cwd: dir, inputs: [] }));
    expect(e.key).to.equal('output-is-directory');
    expect(readdirSync(dir)).to.deep.equal(['out']);
    expect(readdirSync(path.join(dir, 'out'))).to.deep.equal(['keep.txt']);
  });

  it('cleans up when the rename itself fails (the target became a directory meanwhile)', async () => {
    const e = await rejection(
      writeOutput('x', {
        output: 'out',
        cwd: dir,
        inputs: [],
        beforeRename: () => {
          mkdirSync(path.join(dir, 'out'));
          writeFileSync(path.join(dir, 'out/keep.txt'), 'k');
        },
      }),
    );
    expect(e.key).to.equal('write-failed');
    expect(readdirSync(dir)).to.deep.equal(['out']);
    expect(readdirSync(path.join(dir, 'out'))).to.deep.equal(['keep.txt']);
  });
});

describe('io/output isSameFile', () => {
  before(() => {
    dir = realpathSync(tempDir('bpm-same-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('compares existing files by identity and new ones by real path', async () => {
    writeFileSync(path.join(dir, 'a'), '1');
    writeFileSync(path.join(dir, 'b'), '1');
    expect(await isSameFile(path.join(dir, 'a'), path.join(dir, 'b'))).to.equal(false);
    expect(await isSameFile(path.join(dir, 'a'), path.join(dir, '.', 'a'))).to.equal(true);
    expect(await isSameFile(path.join(dir, 'new'), path.join(dir, 'x/../new'))).to.equal(true);
    expect(await isSameFile(path.join(dir, 'new'), path.join(dir, 'a'))).to.equal(false);
  });
});
