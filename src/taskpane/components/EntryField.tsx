/**
 * One schema column as a typed form control inside a Fluent Field, so its label, hint and
 * validation message are tied to the control for screen readers.
 */
import { Combobox, Dropdown, Field, Input, Option, Switch, Textarea, makeStyles } from '@fluentui/react-components';
import * as React from 'react';
import { tidyAriaOnClose } from './aria';
import type { ColumnSpec } from '../../domain/schema';
import { filterSuggestions, inputKind } from '../entry-form';
import { S } from '../strings';

export interface EntryFieldProps {
  column: ColumnSpec;
  value: string;
  error?: string;
  /** Marks the field as needed (validateEntry's REQUIRED_FIELDS); the check itself is validateEntry's. */
  required?: boolean;
  /** Suggestions for person and ref columns. */
  suggestions?: readonly string[];
  onChange(value: string): void;
  /** The focusable element, so the form can move focus to the first field in error. */
  controlRef?: React.Ref<HTMLInputElement & HTMLButtonElement & HTMLTextAreaElement>;
}

const useStyles = makeStyles({
  // Fluent's Dropdown and Combobox ask for 250 px; in a narrow pane the Field's full width is enough.
  picker: { minWidth: 0 },
});

function hintFor(column: ColumnSpec): string | undefined {
  switch (inputKind(column)) {
    case 'person':
      return column.hint ? `${column.hint}. ${S.add.personSuggest}` : S.add.personSuggest;
    case 'ref':
      return column.hint ? `${column.hint}. ${S.add.refSuggest}` : S.add.refSuggest;
    case 'list':
      return column.hint ?? S.add.listHint;
    case 'link':
      return column.hint ?? S.add.linkHint;
    default:
      return column.hint;
  }
}

export function EntryField({ column, value, error, required, suggestions = [], onChange, controlRef }: EntryFieldProps): React.ReactElement {
  const styles = useStyles();
  const kind = inputKind(column);
  const name = column.key;
  let control: React.ReactElement;
  switch (kind) {
    case 'date':
      control = <Input ref={controlRef} name={name} type="date" value={value} onChange={(_, d) => onChange(d.value)} />;
      break;
    case 'switch':
      control = (
        <Switch
          ref={controlRef}
          name={name}
          checked={value === 'Yes'}
          label={value === 'Yes' ? S.add.yes : S.add.no}
          onChange={(_, d) => onChange(d.checked ? 'Yes' : 'No')}
        />
      );
      break;
    case 'choice':
      control = (
        <Dropdown
          ref={controlRef}
          className={styles.picker}
          name={name}
          clearable
          onOpenChange={tidyAriaOnClose}
          value={value}
          selectedOptions={value ? [value] : []}
          onOptionSelect={(_, d) => onChange(d.optionValue ?? '')}
        >
          {(column.values ?? []).map((v) => (
            <Option key={v} value={v}>
              {v}
            </Option>
          ))}
        </Dropdown>
      );
      break;
    case 'person':
    case 'ref': {
      const shown = filterSuggestions(suggestions, value);
      control = (
        <Combobox
          ref={controlRef}
          className={styles.picker}
          name={name}
          freeform
          onOpenChange={tidyAriaOnClose}
          value={value}
          selectedOptions={suggestions.includes(value) ? [value] : []}
          onChange={(e) => onChange(e.target.value)}
          onOptionSelect={(_, d) => onChange(d.optionText ?? '')}
        >
          {shown.length ? (
            shown.map((s) => (
              <Option key={s} value={s}>
                {s}
              </Option>
            ))
          ) : (
            <Option key="__none" value="" disabled text="">
              {S.add.noOption}
            </Option>
          )}
        </Combobox>
      );
      break;
    }
    case 'longText':
      control = <Textarea ref={controlRef} name={name} value={value} resize="vertical" onChange={(_, d) => onChange(d.value)} />;
      break;
    case 'link':
      // Text, not type=url: links may be file paths (\\server\share\charter.docx); validateEntry judges them.
      control = <Input ref={controlRef} name={name} inputMode="url" value={value} onChange={(_, d) => onChange(d.value)} />;
      break;
    default:
      control = <Input ref={controlRef} name={name} value={value} onChange={(_, d) => onChange(d.value)} />;
  }
  return (
    <Field
      label={column.header}
      required={required}
      hint={hintFor(column)}
      validationState={error ? 'error' : 'none'}
      validationMessage={error}
      data-column={column.key}
    >
      {control}
    </Field>
  );
}
