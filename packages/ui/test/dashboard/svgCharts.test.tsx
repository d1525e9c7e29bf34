/** The dashboard's own SVG charts: scales, labels, tooltips, legend, accessible names. */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { niceTicks, slices, textWidth, truncate } from '../../src/dashboard/chartScale.js';
import { BarChart, DonutChart } from '../../src/dashboard/svgCharts.js';

const money = (value: number | null) => `¥${value ?? 0}`;

describe('chart scales', () => {
  it('ticks from 0 in round steps up to at least the largest value', () => {
    expect(niceTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(1850)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('cuts long labels with an ellipsis, CJK characters counting wider', () => {
    expect(truncate('Li Lei', 100, 12)).toBe('Li Lei');
    const cut = truncate('A very long salesperson name indeed', 60, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(60);
    expect(textWidth('华东', 12)).toBe(24);
  });

  it('slices the whole, leaving out values of 0 or less', () => {
    expect(slices([3, 1, 0, -2])).toEqual([
      { start: 0, share: 0.75 },
      { start: 0.75, share: 0.25 },
      { start: 1, share: 0 },
      { start: 1, share: 0 },
    ]);
  });
});

describe('BarChart', () => {
  it('names each category on the axis, values in tooltips and in the description, compact ticks', () => {
    render(
      <BarChart
        title="Quota attainment"
        bars={[
          { key: '7', name: 'Wang Fang', detail: 'Wang Fang · 40%', values: { quota: 1000, won: 400 } },
          { key: '8', name: 'Li Lei', values: { quota: 500, won: null } },
        ]}
        series={[
          { dataKey: 'quota', label: 'Quota' },
          { dataKey: 'won', label: 'Won', tone: 'success' },
        ]}
        format={money}
        axis={(value) => `${value}k`}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Quota attainment (Quota, Won)' });
    expect(within(chart).getByText('Wang Fang')).toBeTruthy();
    expect(within(chart).getByText('Li Lei')).toBeTruthy();
    expect(within(chart).getByText('1000k')).toBeTruthy();
    const titles = [...chart.querySelectorAll('rect > title')].map((title) => title.textContent);
    expect(titles).toEqual(['Wang Fang · 40% — Quota: ¥1000', 'Wang Fang · 40% — Won: ¥400', 'Li Lei — Quota: ¥500']);
    const description = document.getElementById(chart.getAttribute('aria-describedby')!);
    expect(description?.textContent).toBe('Wang Fang · 40%: Quota ¥1000, Won ¥400; Li Lei: Quota ¥500');
    // Two series: a legend names them.
    expect(screen.getByText('Quota', { selector: 'span' })).toBeTruthy();
    expect(screen.getByText('Won', { selector: 'span' })).toBeTruthy();
  });

  it('slants and cuts names too long for their bar, the whole name in the tooltip', () => {
    const long = 'Northern region strategic key accounts department';
    render(
      <BarChart
        title="Sales"
        bars={Array.from({ length: 12 }, (_, index) => ({ key: `${index}`, name: `${long} ${index}`, values: { amount: index * 100 } }))}
        series={[{ dataKey: 'amount', label: 'Amount' }]}
        format={money}
        axis={money}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Sales (Amount)' });
    const label = within(chart).getByText(`${long} 3`, { selector: 'title' });
    const text = label.parentElement!.querySelector('text')!;
    expect(text.textContent!.endsWith('…')).toBe(true);
    expect(text.getAttribute('transform')).toMatch(/^rotate\(-40 /);
    // One series: no legend.
    expect(screen.queryByText('Amount', { selector: 'span' })).toBeNull();
  });
});

describe('DonutChart', () => {
  it('draws a slice per row and a legend with each value', () => {
    render(
      <DonutChart
        title="Complaints by category"
        slices={[
          { key: 'a', label: 'Delivery', value: 3 },
          { key: 'b', label: 'Quality', value: 1 },
          { key: 'c', label: 'Other', value: 0 },
        ]}
        locale="en"
      />,
    );
    const chart = screen.getByRole('img', { name: 'Complaints by category' });
    expect([...chart.querySelectorAll('circle > title')].map((title) => title.textContent)).toEqual([
      'Delivery: 3 (75%)',
      'Quality: 1 (25%)',
    ]);
    expect(screen.getByText('Delivery: 3')).toBeTruthy();
    expect(screen.getByText('Other: 0')).toBeTruthy();
  });
});
