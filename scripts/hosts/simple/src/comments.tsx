import React from 'react';
import { Create, Datagrid, DateField, DateInput, Edit, List, ReferenceField, ReferenceInput, SimpleForm, TextField, TextInput } from 'react-admin';
import ChatBubbleIcon from '@mui/icons-material/ChatBubble';

export const CommentList = () => (
  <List>
    <Datagrid rowClick="edit">
      <TextField source="id" />
      <ReferenceField source="post_id" reference="posts" />
      <TextField source="author" />
      <TextField source="body" />
      <DateField source="created_at" />
    </Datagrid>
  </List>
);

const CommentForm = () => (
  <SimpleForm>
    <ReferenceInput source="post_id" reference="posts" />
    <TextInput source="author" />
    <TextInput source="body" multiline />
    <DateInput source="created_at" />
  </SimpleForm>
);

export const CommentEdit = () => <Edit><CommentForm /></Edit>;
export const CommentCreate = () => <Create><CommentForm /></Create>;

export default { list: CommentList, edit: CommentEdit, create: CommentCreate, icon: ChatBubbleIcon };
