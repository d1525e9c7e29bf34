import type { DashboardFigure, EntityModel, Labels } from '../model.js';
import { FIGURE_PERIODS, figureValues, REPORT_IDS, REPORT_SPECS, type FigurePeriod, type ReportId } from '../reports.js';
import type { Report } from './buildFields.js';
import { unknownTail } from '../didYouMean.js';
import { checkCardParams } from './buildDashboard.js';

export interface RawFigure {
  report: string;
  value: string;
  title: Labels;
  params?: Record<string, unknown>;
  period?: string;
  compare?: boolean;
}

/** The reports that yield headline figures. */
const FIGURE_REPORTS = REPORT_IDS.filter((id) => Object.keys(figureValues(id)).length > 0);

/** `dashboard.figures` of model.json → the headline figures, each one value of a report of the server. */
export function buildFigures(
  raw: RawFigure[] | undefined,
  entities: readonly EntityModel[],
  mayExist: (resource: string) => boolean,
  report: Report,
): DashboardFigure[] {
  return (raw ?? []).map((rawFigure, index) => {
    const at = `/dashboard/figures/${index}`;
    const figure: DashboardFigure = {
      report: rawFigure.report as ReportId,
      value: rawFigure.value,
      unit: 'count',
      title: rawFigure.title,
      params: rawFigure.params ?? {},
    };
    if (rawFigure.period !== undefined) figure.period = rawFigure.period as FigurePeriod;
    if (rawFigure.compare !== undefined) figure.compare = rawFigure.compare;
    if (!(FIGURE_REPORTS as string[]).includes(rawFigure.report)) {
      const known = (REPORT_IDS as string[]).includes(rawFigure.report);
      report(
        `${at}/report`,
        known
          ? `report "${rawFigure.report}" yields no headline figure; these do: ${FIGURE_REPORTS.join(', ')}`
          : `"${rawFigure.report}" is not a report of the server${unknownTail(rawFigure.report, FIGURE_REPORTS, 'reports')}`,
      );
      return figure;
    }
    const values = figureValues(figure.report);
    const unit = values[figure.value];
    if (unit) figure.unit = unit;
    else
      report(
        `${at}/value`,
        `"${figure.value}" is not a figure of report "${figure.report}"${unknownTail(figure.value, Object.keys(values), 'figures')}`,
      );
    const spec = REPORT_SPECS[figure.report];
    if (figure.period !== undefined) {
      if (!spec.period) report(`${at}/period`, `report "${figure.report}" takes no period: leave out "period"`);
      else if (!(FIGURE_PERIODS as readonly string[]).includes(figure.period))
        report(`${at}/period`, `"${figure.period}" is not a period${unknownTail(figure.period, FIGURE_PERIODS, 'periods')}`);
    }
    if (figure.compare && figure.period === undefined) report(`${at}/compare`, '"compare" needs a "period" to compare with the one before');
    checkCardParams({ report: figure.report, params: figure.params }, at, entities, mayExist, report);
    return figure;
  });
}
