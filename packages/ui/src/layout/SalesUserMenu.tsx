/**
 * The user menu of the app bar: who the server says the user is (`GET /me`: name, roles by their
 * labels, team), logout when the host has an auth provider, and in the demo (a data provider with
 * `demoActAs`) a searchable list of salespeople to act as, which every later request is sent as.
 */
import { useState } from 'react';
import {
  Autocomplete,
  Box,
  Chip,
  Dialog,
  DialogContent,
  DialogTitle,
  Divider,
  ListItemIcon,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import PeopleIcon from '@mui/icons-material/People';
import PersonIcon from '@mui/icons-material/Person';
import {
  Logout,
  UserMenu,
  useAuthProvider,
  useGetList,
  useGetOne,
  useLocaleState,
  useNotify,
  useUserMenu,
  type RaRecord,
} from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useActAs } from '../user/useActAs.js';
import { useSalesUser } from '../user/useSalesUser.js';

/** A record of the users entity by its representation, else `#id`. */
const nameOf = (model: ClientSalesModel, record: RaRecord | undefined) => {
  const users = model.users && model.entities[model.users.resource];
  const name = users && record?.[users.recordRepresentation];
  return typeof name === 'string' && name ? name : record ? `#${record.id}` : '';
};

function Identity({ model }: { model: ClientSalesModel }) {
  const ui = useUiTranslate();
  const [locale] = useLocaleState();
  const me = useSalesUser().data;
  const users = model.users;
  const teamField = users && model.entities[users.resource]?.fields.find((f) => f.name === users.teamField);
  const teamEntity = teamField?.ref ? model.entities[teamField.ref] : undefined;
  const team = useGetOne(teamField?.ref ?? '', { id: me?.teamId as string }, { enabled: !!teamEntity && me?.teamId != null });
  if (!me) return null;
  const teamName = teamEntity && team.data ? String(team.data[teamEntity.recordRepresentation] ?? '') : '';
  return (
    <Box sx={{ px: 2, py: 1, maxWidth: 320 }} data-testid="user-menu-identity" data-user={me.id}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {me.fullName ?? `#${me.id}`}
      </Typography>
      {me.roles.length > 0 && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, my: 0.5 }} aria-label={ui('user_menu.roles')}>
          {me.roles.map((role) => (
            <Chip key={role} size="small" label={labelIn(model.roles[role], locale) || role} data-role={role} />
          ))}
        </Box>
      )}
      {teamName && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {`${ui('user_menu.team')}: ${teamName}`}
        </Typography>
      )}
    </Box>
  );
}

/** The salespeople to act as, searched by the server (`q`), each with their role. */
function ActAsDialog({ model, open, onClose }: { model: ClientSalesModel; open: boolean; onClose: () => void }) {
  const ui = useUiTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const { switchTo } = useActAs();
  const [search, setSearch] = useState('');
  const users = model.users!;
  const { data = [], isPending } = useGetList(
    users.resource,
    { filter: search ? { q: search } : {}, pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: open },
  );
  const roleOf = (record: RaRecord) =>
    labelIn(model.roles[String(record[users.roleField])], locale) || String(record[users.roleField] ?? '');
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs" data-testid="act-as-dialog">
      <DialogTitle>{ui('user_menu.act_as')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
          {ui('user_menu.act_as_hint')}
        </Typography>
        <Autocomplete
          options={data}
          loading={isPending}
          filterOptions={(options) => options}
          getOptionLabel={(record) => nameOf(model, record)}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          onInputChange={(_event, value, reason) => reason === 'input' && setSearch(value)}
          onChange={async (_event, record) => {
            if (!record) return;
            await switchTo(record.id);
            notify(ui('user_menu.switched', { name: nameOf(model, record) }), { type: 'info' });
            onClose();
          }}
          renderOption={({ key, ...props }, record) => (
            <li key={key} {...props} data-testid="act-as-option" data-id={record.id}>
              <ListItemText primary={nameOf(model, record)} secondary={roleOf(record)} />
            </li>
          )}
          renderInput={(params) => <TextField {...params} autoFocus label={ui('user_menu.act_as_search')} data-testid="act-as-search" />}
        />
      </DialogContent>
    </Dialog>
  );
}

function ActAsItems({ model, onOpen }: { model: ClientSalesModel; onOpen: () => void }) {
  const ui = useUiTranslate();
  const notify = useNotify();
  const { available, acting, switchTo } = useActAs();
  const menu = useUserMenu();
  if (!available || !model.users) return null;
  return (
    <>
      <Divider />
      <MenuItem
        data-testid="act-as-open"
        onClick={() => {
          menu?.onClose();
          onOpen();
        }}
      >
        <ListItemIcon>
          <PeopleIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText primary={ui('user_menu.act_as')} />
      </MenuItem>
      {acting != null && (
        <MenuItem
          data-testid="act-as-back"
          onClick={async () => {
            menu?.onClose();
            await switchTo(null);
            notify(ui('user_menu.back_to_self'), { type: 'info' });
          }}
        >
          <ListItemIcon>
            <PersonIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={ui('user_menu.back_to_self')} />
        </MenuItem>
      )}
    </>
  );
}

export function SalesUserMenu({ model }: { model: ClientSalesModel }) {
  const authProvider = useAuthProvider();
  const [choosing, setChoosing] = useState(false);
  return (
    <Box data-testid="sales-user-menu" sx={{ display: 'flex' }}>
      <UserMenu>
        <Identity model={model} />
        <ActAsItems model={model} onOpen={() => setChoosing(true)} />
        {authProvider && <Divider />}
        {authProvider && <Logout />}
      </UserMenu>
      {model.users && <ActAsDialog model={model} open={choosing} onClose={() => setChoosing(false)} />}
    </Box>
  );
}
