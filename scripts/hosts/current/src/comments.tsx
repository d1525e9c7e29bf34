import { Create, DataTable, DateField, DateInput, Edit, List, ReferenceField, ReferenceInput, SimpleForm, TextInput } from 'react-admin';
import ChatBubbleIcon from '@mui/icons-material/ChatBubble';

const CommentList = () => (
  <List>
    <DataTable rowClick="edit">
      <DataTable.Col source="id" />
      <DataTable.Col source="post_id">
        <ReferenceField source="post_id" reference="posts" />
      </DataTable.Col>
      <DataTable.Col source="author" />
      <DataTable.Col source="body" />
      <DataTable.Col source="created_at" field={DateField} />
    </DataTable>
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

export const comments = {
  list: CommentList,
  edit: () => <Edit><CommentForm /></Edit>,
  create: () => <Create><CommentForm /></Create>,
  icon: ChatBubbleIcon,
};
