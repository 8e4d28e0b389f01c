import { CSV_MIME, toCsv, type AnyCsvColumn } from '../../../shared/export/csv.ts';
import { t } from '../../i18n/i18n.ts';
import { downloadFile } from '../../platform/download.ts';
import { Button } from '../../ui/Button.tsx';
import { todayIso } from '../common/format.ts';
import { formatCount } from './overview-format.ts';

function cellText<Row>(column: AnyCsvColumn<Row>, row: Row): string {
  const value = column.value(row as never);
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? formatCount(value) : String(value);
}

const isNumeric = (column: AnyCsvColumn<unknown>) =>
  column.kind === 'integer' || column.kind === 'number';

/**
 * A table of the overview with its CSV download. The first column heads each row (and links
 * to the row's page when `href` gives one); the total row, when given, closes the table but is
 * left out of the CSV so sums in a spreadsheet stay right.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  total,
  rowKey,
  href,
  fileName,
  testId,
}: {
  caption: string;
  columns: AnyCsvColumn<Row>[];
  rows: Row[];
  total?: Row;
  rowKey: (row: Row) => string;
  href?: (row: Row) => string | undefined;
  /** File name without date and extension, e.g. "extra-woningen-per-gemeente". */
  fileName: string;
  testId: string;
}) {
  const download = () =>
    downloadFile(`${fileName}-${todayIso()}.csv`, CSV_MIME, toCsv(columns, rows));
  const line = (row: Row, isTotal: boolean) => (
    <tr key={isTotal ? '\u0000total' : rowKey(row)} data-testid={isTotal ? 'total-row' : 'row'}>
      {columns.map((column, index) => {
        const text = cellText(column, row);
        const numeric = isNumeric(column as AnyCsvColumn<unknown>);
        if (index === 0) {
          const link = isTotal ? undefined : href?.(row);
          return (
            <th key={column.header} scope="row">
              {link ? <a href={link}>{text}</a> : text}
            </th>
          );
        }
        return (
          <td key={column.header} class={numeric ? 'num' : undefined}>
            {text}
          </td>
        );
      })}
    </tr>
  );
  return (
    <div class="overview-table" data-testid={testId}>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table class="report">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.header}
                  scope="col"
                  class={isNumeric(column as AnyCsvColumn<unknown>) ? 'num' : undefined}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows.map((row) => line(row, false))}</tbody>
          {total && <tfoot>{line(total, true)}</tfoot>}
        </table>
      </div>
      <Button
        variant="secondary"
        onClick={download}
        aria-label={t('overview.csv.label', { table: caption })}
        data-testid="csv-download"
      >
        {t('overview.csv')}
      </Button>
    </div>
  );
}
