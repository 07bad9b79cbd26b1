const WIDTH = 30;
let last = { step: '', tenth: -1 };

/**
 * Progress on stderr: on a terminal one line redrawn in place
 * (`residents  34,200/100,000 [##########....................] 34%`); in a log (CI), one line
 * per tenth of each step.
 */
export function progressBar(step: string, done: number, total: number): void {
  const share = total > 0 ? done / total : 1;
  const line = `${step.padEnd(10)} ${done.toLocaleString('en')}/${total.toLocaleString('en')} [${'#'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '.')}] ${Math.floor(share * 100)}%`;
  if (process.stderr.isTTY) {
    process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    return;
  }
  const tenth = Math.floor(share * 10);
  if (step !== last.step || tenth > last.tenth) {
    last = { step, tenth };
    process.stderr.write(`${line}\n`);
  }
}
