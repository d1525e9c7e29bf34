import CampaignIcon from '@mui/icons-material/Campaign';
import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  DateInput,
  Edit,
  List,
  required,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
} from 'react-admin';

const AnnouncementForm = () => (
  <SimpleForm>
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="body" multiline minRows={4} fullWidth />
    <DateInput source="published_at" />
    <BooleanInput source="pinned" />
  </SimpleForm>
);

export const announcements = {
  icon: CampaignIcon,
  list: () => (
    <List sort={{ field: 'published_at', order: 'DESC' }}>
      <Datagrid rowClick="show">
        <TextField source="title" />
        <DateField source="published_at" />
        <BooleanField source="pinned" />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" />
        <TextField source="body" />
        <DateField source="published_at" />
      </SimpleShowLayout>
    </Show>
  ),
  edit: () => (
    <Edit>
      <AnnouncementForm />
    </Edit>
  ),
  create: () => (
    <Create>
      <AnnouncementForm />
    </Create>
  ),
};
