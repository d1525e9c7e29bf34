/** The tabs of the edit and show pages follow the model's `sections`: their order, their labels, their fields' order. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import type { SalesModel } from '@ra-sales/schema';
import { createSalesI18nProvider } from '../../src/i18n/index.js';
import { sectionsOf } from '../../src/resources/sections.js';
import { formFields } from '../../src/resources/entity.js';
import { deals, fixtureModel } from './fixture.js';
import { apiHandlers, freshDb, mockApi, renderApp } from './support.js';

const { server, seen } = mockApi();

/** The deal laid out as an overlay would: the items tab first, main relabelled, the contact fields reordered. */
const laidOutDeals = {
  ...deals,
  sections: [
    { id: 'items', label: { en: 'Line items', 'zh-CN': '货品明细' }, fields: ['total', 'lines', 'extra'] },
    {
      id: 'main',
      label: { en: 'Overview', 'zh-CN': '概览' },
      fields: deals.sections!.find((s) => s.id === 'main')!.fields,
    },
    { id: 'contact', label: { en: 'Reach', 'zh-CN': '联络' }, fields: ['website', 'email', 'phone'] },
  ],
};
const model: SalesModel = { ...fixtureModel, entities: { ...fixtureModel.entities, deals: laidOutDeals } };

const tabs = () => screen.getAllByRole('tab').map((tab) => tab.textContent);

describe('sections', () => {
  it('are the form tabs in the declared order, with the declared labels', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals/1', { model });
    await screen.findByLabelText(/Deal name/);
    expect(tabs()).toEqual(['Line items', 'Overview', 'Reach']);
  });

  it('are the show tabs in the declared order, labelled in Chinese', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals/1/show', { model, locale: 'zh-CN' });
    await screen.findByRole('tab', { name: '货品明细' });
    expect(tabs()).toEqual(['货品明细', '概览', '联络']);
  });

  it('show the fields of a tab in the declared order', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals/1/show', { model });
    fireEvent.click(await screen.findByRole('tab', { name: 'Reach' }));
    const [website, email, phone] = await Promise.all(
      ['https://example.com', 'li@example.com', '+86 10 1234 5678'].map((v) => screen.findByText(v)),
    );
    expect(website!.compareDocumentPosition(email!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(email!.compareDocumentPosition(phone!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('keep the declared order for the form, which shows only the fields a person types or sees computed', () => {
    expect(sectionsOf(laidOutDeals, formFields(laidOutDeals)).map((s) => [s.id, s.fields.map((f) => f.name)])).toEqual([
      ['items', ['total', 'lines', 'extra']],
      [
        'main',
        formFields(deals)
          .filter((f) => !f.section)
          .map((f) => f.name),
      ],
      ['contact', ['website', 'email', 'phone']],
    ]);
  });

  it("take their labels from the model's messages, which the host may override", async () => {
    const i18n = createSalesI18nProvider(model, {
      hostMessages: { en: { resources: { deals: { sections: { contact: 'Get in touch' } } } } },
      defaultLocale: 'en',
    });
    expect(i18n.translate('resources.deals.sections.items')).toBe('Line items');
    expect(i18n.translate('resources.deals.sections.contact')).toBe('Get in touch');
    await i18n.changeLocale('zh-CN');
    expect(i18n.translate('resources.deals.sections.main')).toBe('概览');
  });
});
