import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createApp } from '../app.factory.js';
import { SYSTEM } from '../common/auth/actor.js';
import { loadConfig } from '../config/app-config.js';
import { IrmImportService, type IrmImportReport } from '../modules/open-data/irm-import.service.js';

// `npm run import:irm -- <file.csv> [--dry-run]`: imports OGP's IRM data export into the database the
// service is configured for (DATABASE_URL, or the embedded one in DATA_DIR). All or nothing: on any
// error it changes nothing and prints every problem with its line, column and value.
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) {
    process.stderr.write('Usage: npm run import:irm -- <file.csv> [--dry-run]\n');
    process.exit(64); // EX_USAGE
  }
  const text = await readFile(positionals[0], 'utf8');
  const app = await createApp({ ...loadConfig(), seedDemoData: false, logLevel: 'warn' });
  const started = Date.now();
  try {
    const report = await app.get(IrmImportService).run(SYSTEM, text, {
      dryRun: values['dry-run'],
      onProgress: process.stderr.isTTY ? progressBar : undefined,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(describe(report, Date.now() - started));
    process.exitCode = report.errors.length > 0 ? 1 : 0;
  } finally {
    await app.close();
  }
}

function progressBar(done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} rows`);
}

function describe(report: IrmImportReport, ms: number): string {
  const lines: string[] = [];
  const seconds = (ms / 1000).toFixed(1);
  if (report.errors.length > 0) {
    lines.push(`The file has ${report.errors.length} problem(s); nothing was changed.`, '');
    for (const e of report.errors)
      lines.push(`  line ${e.line}, ${e.column || 'file'}: ${JSON.stringify(e.value)} ${e.reason}`);
  } else {
    const c = (label: string, n: { created: number; updated: number; unchanged: number }) =>
      `  ${label.padEnd(14)} ${n.created} created, ${n.updated} updated, ${n.unchanged} unchanged`;
    lines.push(
      `${report.dryRun ? 'Dry run (nothing written)' : 'Imported'}: ${report.rows} rows in ${seconds} s.`,
      c('members', report.members),
      c('action plans', report.actionPlans),
      c('institutions', report.institutions),
      c('tags', report.tags),
      c('commitments', report.commitments),
      `  assessments    ${report.assessments.created} created, ${report.assessments.superseded} superseded, ${report.assessments.unchanged} unchanged`,
    );
  }
  if (report.warnings.length > 0) {
    lines.push('', `${report.warnings.length} warning(s):`);
    for (const w of report.warnings)
      lines.push(`  line ${w.line}, ${w.column}: ${JSON.stringify(w.value)} ${w.reason}`);
  }
  if (report.starDisagreements.length > 0) {
    lines.push('', `${report.starDisagreements.length} row(s) where OGP's starred flag and ours differ:`);
    for (const d of report.starDisagreements)
      lines.push(`  line ${d.line}, ${d.code} ${d.product}: OGP ${d.ogp}, ours ${d.ours}: ${d.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Could not import: ${detail}\n`);
  process.exit(1);
});
