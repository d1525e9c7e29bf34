import BadgeIcon from '@mui/icons-material/Badge';
import {
  Create,
  Datagrid,
  DateField,
  DateInput,
  Edit,
  EmailField,
  List,
  required,
  SelectField,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
} from 'react-admin';

const departments = [
  { id: 'sales', name: 'backoffice.departments.sales' },
  { id: 'finance', name: 'backoffice.departments.finance' },
  { id: 'hr', name: 'backoffice.departments.hr' },
];

const EmployeeForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} />
    <SelectInput source="department" choices={departments} />
    <TextInput source="email" type="email" />
    <DateInput source="hired_on" />
  </SimpleForm>
);

export const employees = {
  icon: BadgeIcon,
  list: () => (
    <List>
      <Datagrid rowClick="edit">
        <TextField source="name" />
        <SelectField source="department" choices={departments} />
        <EmailField source="email" />
        <DateField source="hired_on" />
      </Datagrid>
    </List>
  ),
  edit: () => (
    <Edit>
      <EmployeeForm />
    </Edit>
  ),
  create: () => (
    <Create>
      <EmployeeForm />
    </Create>
  ),
};
