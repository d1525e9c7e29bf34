import React from 'react';
import {
  BooleanField, BooleanInput, Create, Datagrid, DateField, DateInput, Edit, List, NumberField, SearchInput,
  Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required,
} from 'react-admin';
import BookIcon from '@mui/icons-material/Book';

const filters = [<SearchInput source="q" alwaysOn key="q" />];

export const PostList = () => (
  <List filters={filters} sort={{ field: 'published_at', order: 'DESC' }}>
    <Datagrid rowClick="edit">
      <TextField source="id" />
      <TextField source="title" />
      <DateField source="published_at" />
      <NumberField source="views" />
      <BooleanField source="commentable" />
    </Datagrid>
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

export const PostEdit = () => <Edit><PostForm /></Edit>;
export const PostCreate = () => <Create><PostForm /></Create>;
export const PostShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="title" />
      <TextField source="teaser" />
      <DateField source="published_at" />
      <NumberField source="views" />
    </SimpleShowLayout>
  </Show>
);

export default { list: PostList, edit: PostEdit, create: PostCreate, show: PostShow, icon: BookIcon, recordRepresentation: 'title' };
