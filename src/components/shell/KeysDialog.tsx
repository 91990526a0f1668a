import { Fragment, memo } from 'react';
import { t } from '../../i18n';
import { Dialog } from '../ui';
import { KEYMAP } from './keymap';

/**
 * The `?` overlay: every key of the app, from the one key map. Memoised: the app shell re-renders on
 * every link change, and a table of every key is not worth rebuilding while a student types.
 */
export const KeysDialog = memo(function KeysDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={t('ui.keys.title')} testId="keys-dialog" wide>
      <p>{t('ui.keys.intro')}</p>
      <table className="keys-table">
        <thead>
          <tr>
            <th scope="col">{t('ui.keys.keyColumn')}</th>
            <th scope="col">{t('ui.keys.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {KEYMAP.map((group) => (
            <Fragment key={group.title}>
              <tr>
                <th scope="colgroup" colSpan={2} className="keys-group">
                  {t(group.title)}
                </th>
              </tr>
              {group.rows.map((row) => (
                <tr key={`${group.title}-${row.action}`}>
                  <td className="keys-keys">
                    {row.keys.map((k, i) => (
                      <Fragment key={k}>
                        {i > 0 && ' '}
                        <kbd>{k}</kbd>
                      </Fragment>
                    ))}
                  </td>
                  <td>{t(row.action)}</td>
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
});
