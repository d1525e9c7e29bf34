/** Every workflow entity's board, grouped as in the menu. */
import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link, Title, useLocaleState } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { useAdminPath } from '../layout/basename.js';
import { useSalesTranslate } from './messages.js';
import { workflowEntities } from './model.js';

/**
 * `boardPath(resource)` is the board's path in the admin (`/board/<resource>`); the links add
 * `<Admin basename>` (a path already under it is kept).
 */
export function BoardIndex({ model, boardPath }: { model: ClientSalesModel; boardPath: (resource: string) => string }) {
  const [locale] = useLocaleState();
  const adminPath = useAdminPath();
  const t = useSalesTranslate();
  const entities = workflowEntities(model);
  return (
    <Box sx={{ mt: 1 }} data-testid="board-index">
      <Title title={t('workflow.boards')} />
      {model.groups
        .map((group) => ({ group, members: entities.filter((entity) => entity.group === group.id) }))
        .filter(({ members }) => members.length > 0)
        .map(({ group, members }) => (
          <Box key={group.id} sx={{ mb: 3 }}>
            <Typography variant="h6" gutterBottom>
              {labelIn(group.label, locale)}
            </Typography>
            <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))' }}>
              {members.map((entity) => (
                <Card key={entity.resource} variant="outlined">
                  <CardActionArea component={Link} to={adminPath(boardPath(entity.resource))}>
                    <CardContent>
                      <Typography variant="subtitle1">{labelIn(entity.pluralLabel, locale)}</Typography>
                      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                        {entity.workflow.stages.map((stage) => labelIn(stage.label, locale)).join(' → ')}
                      </Typography>
                    </CardContent>
                  </CardActionArea>
                </Card>
              ))}
            </Box>
          </Box>
        ))}
    </Box>
  );
}
