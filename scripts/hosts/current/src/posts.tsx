import {
  BooleanInput, Create, DataTable, DateField, DateInput, Edit, List, SearchInput, Show, SimpleForm, SimpleShowLayout,
  TextField, TextInput, required,
} from 'react-admin';
import BookIcon from '@mui/icons-material/Book';

const filters = [<SearchInput source="q" alwaysOn key="q" />];

const PostList = () => (
  <List filters={filters} sort={{ field: 'published_at', order: 'DESC' }}>
    <DataTable rowClick="edit">
      <DataTable.Col source="id" />
      <DataTable.Col source="title" />
      <DataTable.Col source="published_at" field={DateField} />
      <DataTable.NumberCol source="views" />
      <DataTable.Col source="commentable" />
    </DataTable>
  </List>
);

const PostForm = () => (
  <SimpleForm>
    <TextInput source="title" validate={required()} />
    <TextInput source="teaser" multiline />
    <DateInput source="published_at" />
    <BooleanInput source="commentable" />
  </SimpleForm>
);

const PostShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="title" />
      <TextField source="teaser" />
      <DateField source="published_at" />
    </SimpleShowLayout>
  </Show>
);

export const posts = {
  list: PostList,
  edit: () => <Edit><PostForm /></Edit>,
  create: () => <Create><PostForm /></Create>,
  show: PostShow,
  icon: BookIcon,
  recordRepresentation: 'title',
};
