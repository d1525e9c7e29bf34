/** A user id of the server's system tables (who asked, decided, moved) shown as the user's record. */
import { ReferenceField, TextField } from 'react-admin';

/** `resource`: the users entity (model.json `users`); a model keeping no users shows the id. */
export function UserReference({ source, resource }: { source: string; resource: string | undefined }) {
  return resource ? <ReferenceField source={source} reference={resource} link={false} /> : <TextField source={source} />;
}
