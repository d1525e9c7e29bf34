import { describe, expect, it } from 'vitest';
import { Children, isValidElement, type ReactElement } from 'react';
import { CustomRoutes } from 'react-admin';
import { salesCustomRoutes } from '../../src/workflow/routes.js';
import { workflowEntities } from '../../src/workflow/model.js';
import { testModel } from './support.js';

describe('salesCustomRoutes', () => {
  it('is one <CustomRoutes> with a board per workflow entity, the board index, the approvals inbox and my tasks', () => {
    const element = salesCustomRoutes(testModel()) as ReactElement<{ children: ReactElement<{ path: string }>[] }>;
    expect(element.type).toBe(CustomRoutes);
    const paths = Children.toArray(element.props.children)
      .filter(isValidElement)
      .map((route) => (route.props as { path: string }).path);
    const boards = workflowEntities(testModel()).map((entity) => `/board/${entity.resource}`);
    expect(boards).toContain('/board/opportunities');
    expect(paths).toEqual([...boards, '/board', '/approvals-inbox', '/my-tasks']);
  });
});
