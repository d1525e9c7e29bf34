/** Helpers of the rule tests: the deal's Edit form, helper texts, recorded PUTs. */
import { expect } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { Db } from '../workflow/support.js';
import { freshDb, renderApp, type SeenRequest } from './support.js';

/** The helper text under an input (its reason to be read-only, or the server's error). */
export const helperOf = (input: HTMLElement) => document.getElementById(`${input.id}-helper-text`)?.textContent;

export const putsIn = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'PUT');

/** A fresh database whose deal is in `stage`. */
export function dealIn(stage: string): Db {
  const db = freshDb();
  db.deals![0]!.stage = stage;
  return db;
}

/** Renders the deal's Edit page and waits for the form to hold the record; returns the name input. */
export async function openEditForm(path = '/deals/1'): Promise<HTMLInputElement> {
  renderApp(path);
  const name = (await screen.findByLabelText(/Deal name/)) as HTMLInputElement;
  await waitFor(() => expect(name.value).toBe('Harbour upgrade'));
  return name;
}
