// Colours and formats shared by the form sheets. Inputs are pale blue so users see where to
// type; edited-but-unsent cells turn yellow until pushed; rejected cells turn red with a note.
export const Fill = {
  input: "#DDEBF7",
  edited: "#FFF2CC",
  rejected: "#F8CBAD",
  header: "#D9D9D9",
  group: "#F2F2F2",
} as const;

export const font = "Times New Roman";

/** Users may format and fill cells but change only the unlocked inputs. */
export const protectionOptions: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: false,
};

export const columnWidths = [8, 6, 60, 12, 16, 14, 12, 12, 30];
