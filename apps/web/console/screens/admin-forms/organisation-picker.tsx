import { useQuery } from '@urql/preact';
import { useT } from '../../core/context.js';
import { OrganisationsQuery } from '../admin-shelters/documents.js';
import { SelectField, type SelectProps } from './enum-select.js';

/** The organisation a new shelter or service belongs to (read once it shows: a new form only). */
export function OrganisationPicker(select: SelectProps) {
  const t = useT();
  const [organisations] = useQuery({ query: OrganisationsQuery });
  return (
    <SelectField name="organisationId" required {...select}>
      <option value="">{t('setup.form.pick')}</option>
      {(organisations.data?.organisations ?? []).map((each) => (
        <option key={each.id} value={each.id}>
          {each.name}
        </option>
      ))}
    </SelectField>
  );
}
