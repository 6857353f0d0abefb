import type { AreaEntries } from './error-entry.ts';

/** Loading a CSV file, editing the draft and saving dataset versions. */
export const DATA_ERRORS = {
  'csv.bad_quote': {
    title: 'Text after a closing quote',
    help: 'Quote the whole cell, and double any quote inside it ("").',
  },
  'csv.binary': { title: 'Not a text file', help: 'Choose a CSV text file, or export the data as CSV first.' },
  'csv.duplicate_header': {
    title: 'Duplicate column names',
    help: 'Give every column a different name in the header row.',
  },
  'csv.empty': { title: 'Empty file', help: 'Choose a CSV file with a header row and data.' },
  'csv.empty_header': { title: 'Unnamed column', help: 'Give every column a name in the header row.' },
  'csv.header_only': { title: 'No data rows', help: 'Add at least one row of data below the header.' },
  'csv.invalid_utf16': {
    title: 'Damaged UTF-16 text',
    help: 'Save the file again as UTF-8 (most spreadsheet programs offer "CSV UTF-8").',
  },
  'csv.invalid_utf8': {
    title: 'Not UTF-8 text',
    help: 'Save the file as UTF-8 (most spreadsheet programs offer "CSV UTF-8").',
  },
  'csv.ragged_rows': {
    title: 'Rows of different lengths',
    help: 'Give every row one value per column, and quote cells that contain the delimiter.',
  },
  'csv.unsupported_encoding': {
    title: 'Unsupported text encoding',
    help: 'Save the file again as UTF-8 (most spreadsheet programs offer "CSV UTF-8").',
  },
  'csv.unterminated_quote': {
    title: 'Unclosed quote',
    help: 'Close the quoted cell, or double the quote inside it ("").',
  },
  'data.unknown_column': { title: 'Unknown column', help: 'Use the name of a column of the table.' },
  'dataset.corrupt': { title: 'Damaged dataset', help: 'Load the original file again to restore the dataset.' },
  'draft.no_such_column': { title: 'Unknown column', help: 'Pick one of the loaded data’s columns.' },
  'draft.none': { title: 'No data loaded', help: 'Load a CSV file or a sample first.' },
  'version.name_too_long': { title: 'Name too long', help: 'Give the version a name of at most 200 characters.' },
  'version.no_name': { title: 'No version name', help: 'Give the dataset version a name before saving it.' },
  'version.not_found': { title: 'Unknown dataset version', help: 'Refresh the versions list, or save the data again.' },
} as const satisfies AreaEntries<'csv' | 'data' | 'dataset' | 'draft' | 'version'>;
