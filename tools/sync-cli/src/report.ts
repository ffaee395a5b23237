// What the command prints: plain text and tables (cli-table3 measures wide characters, so Chinese
// names line up), no colours.
import Table from 'cli-table3';
import type { SnapshotFile } from './read-snapshot.ts';
import type { SyncResult } from './sync-request.ts';

export interface RunDescription {
  schoolId: string;
  file: string;
  dryRun: boolean;
}

const plain = { head: [], border: [] };
// No line between rows: one row per programme reads best.
const compact = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export function headerLine(run: RunDescription, file: SnapshotFile): string {
  const rows = file.snapshot.programmes.length;
  return [
    `School ${run.schoolId}, year ${file.snapshot.year}`,
    `file ${run.file} (${file.format}, encoding ${file.encoding})`,
    `${rows} programme row${rows === 1 ? '' : 's'} read`,
    ...(file.snapshot.intakeIsCap ? ['annual intake is a cap'] : []),
    run.dryRun ? 'DRY RUN' : 'applying',
  ].join(' | ');
}

const count = (codes: string[] | number) => (typeof codes === 'number' ? codes : codes.length);
const listed = (codes: string[] | number) => (typeof codes === 'number' || codes.length === 0 ? '' : ` [${codes.join(', ')}]`);

export function changesReport(result: SyncResult): string {
  const lines: string[] = [];
  const changes = result.added.length + result.changed.length + result.retired.length;
  if (changes > 0) {
    const table = new Table({ head: ['', 'Code', 'Programme', 'Change'], style: plain, chars: compact });
    for (const p of result.added) table.push(['+', p.code, p.name, 'added']);
    for (const p of result.changed) table.push(['~', p.code, p.name, `changed: ${p.fields.join(', ')}`]);
    for (const p of result.retired) table.push(['−', p.code, p.name, 'retired']);
    lines.push(table.toString());
  } else {
    lines.push('No programme added, changed or retired.');
  }
  const rejectedRows = new Set(result.rejected.map((r) => r.row)).size;
  lines.push(
    `added ${result.added.length}, changed ${result.changed.length}, retired ${result.retired.length}, unchanged ${count(result.unchanged)}, ` +
      `kept ${count(result.kept)}${listed(result.kept)} (row rejected, programme kept as it was), rejected rows ${rejectedRows}`,
  );
  if (result.alreadyApplied) lines.push('This snapshot was already applied: nothing changed.');
  if (result.dryRun) lines.push('Dry run: nothing was written.');
  return lines.join('\n');
}

export function rejectedReport(result: SyncResult, file: SnapshotFile): string {
  if (result.rejected.length === 0) return '';
  const where = file.format === 'CSV' ? 'Line' : 'Row';
  const table = new Table({ head: [where, 'Programme', 'Field', 'Problem', 'Message'], style: plain, chars: compact });
  const sorted = [...result.rejected].sort((a, b) => a.row - b.row);
  for (const r of sorted) {
    const raw = r.field ? file.rawOf(r.row, r.field) : undefined;
    const programme = r.programmeCode ?? file.snapshot.programmes[r.row - 1]?.code ?? '';
    // The text of the file beside the message, unless it adds nothing (the code itself, or quoted already).
    const shown = raw === undefined || raw === programme || (raw !== '' && r.message.includes(raw));
    const message = shown ? r.message : raw === '' ? `${r.message} (empty in the file)` : `${r.message} (in the file: "${raw}")`;
    table.push([String(file.lineOfRow(r.row)), programme, r.field ?? '', r.code, message]);
  }
  const rows = new Set(result.rejected.map((r) => r.row)).size;
  const kept = result.dryRun ? 'would stay as it is' : 'stays as it is';
  const heading = `${rows} row${rows === 1 ? '' : 's'} rejected (${where.toLowerCase()} numbers are those of ${file.format === 'CSV' ? 'the file' : 'the programmes array, from 1'}); a programme the school has and a rejected row names ${kept}:`;
  return `${heading}\n${table.toString()}`;
}
