import { t } from '../../i18n';
import { downloadCsv, mapsToCsv } from './download';

/**
 * Saves one or more `w`×`h` maps as a CSV file (exact values, see `mapsToCsv`). `maps` is called on
 * click, so the rows are only built when someone asks for them.
 */
export function CsvButton({
  maps,
  w,
  h,
  filename,
  testId,
}: {
  maps: () => { name: string; values: ArrayLike<number> }[];
  w: number;
  h: number;
  filename: string;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => downloadCsv(mapsToCsv(maps().map((m) => ({ ...m, w, h }))), filename)}
      data-testid={testId}
    >
      {t('conv.map.csv')}
    </button>
  );
}

/** The panel's picture as a PNG file; `onSave` makes and saves it. */
export function PngButton({ onSave }: { onSave: () => void }) {
  return (
    <button type="button" className="secondary" onClick={onSave}>
      {t('conv.map.png')}
    </button>
  );
}
