import type { DashboardCard, EntityModel, Labels } from '../model.js';
import { REPORT_IDS, REPORT_SPECS, SALES_DIMENSIONS, type ReportId } from '../reports.js';
import type { Report } from './buildFields.js';
import { unknownTail } from '../didYouMean.js';
import type { RawFigure } from './buildFigures.js';

export interface RawDashboard {
  cards: { report: string; title: Labels; params?: Record<string, unknown>; chart?: string }[];
  figures?: RawFigure[];
}

/** `dashboard` of model.json → its cards, each naming a report of the server with parameters it takes. */
export function buildDashboard(
  raw: RawDashboard | undefined,
  entities: readonly EntityModel[],
  mayExist: (resource: string) => boolean,
  report: Report,
): DashboardCard[] {
  return (raw?.cards ?? []).map((rawCard, index) => {
    const at = `/dashboard/cards/${index}`;
    const card: DashboardCard = { report: rawCard.report as ReportId, title: rawCard.title, params: rawCard.params ?? {} };
    if (rawCard.chart !== undefined) card.chart = rawCard.chart;
    if (!(REPORT_IDS as string[]).includes(rawCard.report)) {
      report(`${at}/report`, `"${rawCard.report}" is not a report of the server${unknownTail(rawCard.report, REPORT_IDS, 'reports')}`);
      return card;
    }
    const spec = REPORT_SPECS[card.report];
    const charts: readonly string[] = 'charts' in spec ? spec.charts : [];
    if (card.chart !== undefined && !charts.includes(card.chart)) {
      report(
        `${at}/chart`,
        charts.length
          ? `"${card.chart}" is not a chart of report "${card.report}"${unknownTail(card.chart, charts, 'charts')}`
          : `report "${card.report}" is shown one way only: leave out "chart"`,
      );
    }
    checkCardParams(card, at, entities, mayExist, report);
    return card;
  });
}

/** The parameters a card or a headline figure gives its report: those it takes, the required ones, each value sound. */
export function checkCardParams(
  card: Pick<DashboardCard, 'report' | 'params'>,
  at: string,
  entities: readonly EntityModel[],
  mayExist: (resource: string) => boolean,
  report: Report,
): void {
  const spec = REPORT_SPECS[card.report];
  for (const name of 'required' in spec ? spec.required : []) {
    if (card.params[name] === undefined) report(`${at}/params`, `report "${card.report}" needs the parameter "${name}"`);
  }
  for (const [name, value] of Object.entries(card.params)) {
    const pointer = `${at}/params/${name}`;
    if (!(spec.params as readonly string[]).includes(name)) {
      report(
        pointer,
        spec.params.length
          ? `report "${card.report}" takes no parameter "${name}"${unknownTail(name, spec.params, 'parameters')}`
          : `report "${card.report}" takes no parameters`,
      );
    } else if (name === 'resource') {
      checkWorkflowResource(String(value), entities, mayExist, pointer, report);
    } else if (name === 'by' && !(SALES_DIMENSIONS as readonly string[]).includes(String(value))) {
      report(pointer, `"${String(value)}" is not a grouping of sales-by${unknownTail(String(value), SALES_DIMENSIONS, 'groupings')}`);
    } else if (name === 'filter' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      report(pointer, '"filter" must be an object of list filters, e.g. { "status": "approved" }');
    }
  }
}

/** The reports taking a `resource` read a workflow entity. */
function checkWorkflowResource(
  resource: string,
  entities: readonly EntityModel[],
  mayExist: (resource: string) => boolean,
  pointer: string,
  report: Report,
): void {
  const entity = entities.find((e) => e.resource === resource);
  if (!entity) {
    if (!mayExist(resource))
      report(
        pointer,
        `"${resource}" is not a resource${unknownTail(
          resource,
          entities.map((e) => e.resource),
          'resources',
        )}`,
      );
  } else if (!entity.workflow) {
    report(pointer, `${resource} has no workflow (the report reads its stages)`);
  }
}
