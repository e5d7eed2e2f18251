import type { ImportReport } from '../../../../core/api/model';
import { useT } from '../../i18n';
import { issueText } from './import-issues';

function separatorKey(separator: ImportReport['separator']): 'semicolon' | 'comma' | 'tab' {
  return separator === ';' ? 'semicolon' : separator === '\t' ? 'tab' : 'comma';
}

/** What an import did or would do, and every bad row with its line and column. */
export function ImportReportView({ report }: { readonly report: ImportReport }) {
  const t = useT();
  return (
    <div className="stack import-report">
      {report.encoding && (
        <p className="import-format" data-testid="import-format">
          {t('products.import.format', {
            encoding: t(`products.import.encodings.${report.encoding}`),
            separator: t(`products.import.separators.${separatorKey(report.separator)}`),
          })}
        </p>
      )}
      <dl className="import-counts">
        <div>
          <dt>{t('products.import.rows')}</dt>
          <dd className="num">{report.rows}</dd>
        </div>
        <div>
          <dt>{report.dryRun ? t('products.import.willCreate') : t('products.import.created')}</dt>
          <dd className="num">{report.created}</dd>
        </div>
        <div>
          <dt>{report.dryRun ? t('products.import.willUpdate') : t('products.import.updated')}</dt>
          <dd className="num">{report.updated}</dd>
        </div>
        <div>
          <dt>{t('products.import.unchanged')}</dt>
          <dd className="num">{report.unchanged}</dd>
        </div>
        <div className={report.errors.length > 0 ? 'bad' : undefined}>
          <dt>{t('products.import.errors')}</dt>
          <dd className="num">{report.errors.length}</dd>
        </div>
      </dl>
      {report.errors.length > 0 && (
        <div className="import-errors">
          <table className="table">
            <caption className="sr-only">{t('products.import.errorsCaption')}</caption>
            <thead>
              <tr>
                <th className="num">{t('products.import.line')}</th>
                <th>{t('products.import.column')}</th>
                <th>{t('products.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((issue, i) => (
                <tr key={`${issue.line}-${issue.field ?? ''}-${i}`}>
                  <td className="num">{issue.line}</td>
                  <td className="mono">{issue.field ?? '—'}</td>
                  <td>{issueText(issue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
