import { t } from '../../i18n';
import { downloadCsv, mapsToCsv } from '../canvas/download';
import { Menu, type MenuItem } from './Menu';

export type CsvSource = {
  maps: () => { name: string; values: ArrayLike<number> }[];
  w: number;
  h: number;
  filename: string;
};

/**
 * A panel's downloads in one small menu: "Download ▾" → CSV (exact values, see `mapsToCsv`) and/or
 * PNG (the picture). The rows are only built when someone picks CSV.
 */
export function ExportMenu({
  what,
  csv,
  png,
  testId,
}: {
  /** What the panel shows, for the button's spoken name ("Download: conv1 maps"). */
  what: string;
  csv?: CsvSource;
  png?: () => void;
  /** The panel's test id: the button is `<id>-export`, the CSV item `<id>-csv`. */
  testId?: string;
}) {
  const items: MenuItem[] = [];
  if (csv)
    items.push({
      id: 'csv',
      label: t('ui.export.csv'),
      testId: testId ? `${testId}-csv` : undefined,
      onSelect: () =>
        downloadCsv(mapsToCsv(csv.maps().map((m) => ({ ...m, w: csv.w, h: csv.h }))), csv.filename),
    });
  if (png) items.push({ id: 'png', label: t('ui.export.png'), onSelect: png });
  return (
    <Menu
      label={t('ui.export.label', { what })}
      buttonText={t('ui.export.button')}
      items={items}
      testId={testId ? `${testId}-export` : undefined}
    />
  );
}
