/**
 * Add entry: pick a table, fill a form generated from the schema, and add the row. validateEntry
 * runs before anything is written; a form with a malformed date or link never reaches the port.
 */
import { Button, Caption1, Dropdown, Field, MessageBar, MessageBarBody, Option, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import * as React from 'react';
import { REQUIRED_FIELDS, validateEntry } from '../../domain/entry';
import { TABLE_NAMES, tableSpec, type EvidenceTableName } from '../../domain/schema';
import type { Register } from '../../domain/types';
import type { AddRowResult, RowValues } from '../../workbook/port';
import { tidyAriaOnClose } from '../components/aria';
import { EntryField } from '../components/EntryField';
import { emptyForm, formColumns, inputKind, personSuggestions, refSuggestions, type FormValues } from '../entry-form';
import { S } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Fluent's Dropdown asks for 250 px; in a narrow pane the Field's full width is enough.
  picker: { minWidth: 0 },
});

export interface AddEntryPanelProps {
  register: Register | null;
  busy: boolean;
  /** Writes the row; resolves undefined when the write failed (the failure is shown by the caller). */
  onAdd(table: EvidenceTableName, values: RowValues): Promise<AddRowResult | undefined>;
}

type ControlElement = HTMLInputElement & HTMLButtonElement & HTMLTextAreaElement;

export function AddEntryPanel({ register, busy, onAdd }: AddEntryPanelProps): React.ReactElement {
  const styles = useStyles();
  const [table, setTable] = React.useState<EvidenceTableName>('Accountabilities');
  const [values, setValues] = React.useState<FormValues>(() => emptyForm('Accountabilities'));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const controls = React.useRef(new Map<string, ControlElement | null>());
  const columns = formColumns(table);
  const people = React.useMemo(() => personSuggestions(register), [register]);
  // Single-field groups are required; "one of" groups (Planned date or Held on) say so in their message.
  const required = new Set(REQUIRED_FIELDS[table].filter((g) => g.length === 1).map((g) => g[0]));

  const chooseTable = (next: EvidenceTableName): void => {
    setTable(next);
    setValues(emptyForm(next));
    setErrors({});
  };

  const change = (key: string, value: string): void => {
    setValues((old) => ({ ...old, [key]: value }));
    // A corrected field drops its message at once; the rest wait for the next submit.
    setErrors((old) => {
      if (!(key in old)) return old;
      const rest = { ...old };
      delete rest[key];
      return rest;
    });
  };

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    const check = validateEntry(table, values, { ids: register?.ids });
    if (!check.ok) {
      setErrors(check.errors);
      const first = columns.find((c) => check.errors[c.key]);
      if (first) controls.current.get(first.key)?.focus();
      return;
    }
    setErrors({});
    const added = await onAdd(table, check.values);
    if (added) setValues(emptyForm(table));
  };

  const errorCount = Object.keys(errors).length;
  return (
    <section className={styles.root} aria-labelledby="add-heading">
      <Subtitle2 as="h2" id="add-heading">
        {S.add.heading}
      </Subtitle2>
      <Field label={S.add.tableLabel} hint={S.add.tableHint}>
        <Dropdown
          className={styles.picker}
          onOpenChange={tidyAriaOnClose}
          value={table}
          selectedOptions={[table]}
          onOptionSelect={(_, d) => d.optionValue && chooseTable(d.optionValue as EvidenceTableName)}
        >
          {TABLE_NAMES.map((t) => (
            <Option key={t} value={t}>
              {t}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Caption1>{S.add.idHint(tableSpec(table).prefix)}</Caption1>
      {errorCount > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{S.add.fixFields(errorCount)}</MessageBarBody>
        </MessageBar>
      )}
      <form className={styles.form} noValidate onSubmit={(e) => void submit(e)} aria-label={S.add.heading}>
        {columns.map((c) => (
          <EntryField
            key={`${table}.${c.key}`}
            column={c}
            value={values[c.key] ?? ''}
            error={errors[c.key]}
            required={required.has(c.key)}
            suggestions={inputKind(c) === 'person' ? people : inputKind(c) === 'ref' ? refSuggestions(c, register) : undefined}
            onChange={(v) => change(c.key, v)}
            controlRef={(el) => {
              controls.current.set(c.key, el);
            }}
          />
        ))}
        <div className={styles.buttons}>
          <Button appearance="primary" type="submit" icon={<AddRegular />} disabled={busy}>
            {S.add.submit(table)}
          </Button>
          <Button type="button" onClick={() => chooseTable(table)}>
            {S.add.clear}
          </Button>
        </div>
      </form>
    </section>
  );
}
