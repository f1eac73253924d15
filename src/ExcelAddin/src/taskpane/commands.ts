import { act } from "./state";

// The ribbon's commands (manifest: ExecuteFunction). In the shared runtime they run in the pane's
// page, on the pane's connection and state, one at a time with the pane's own actions.

export interface Commands { refresh: () => Promise<void>; refreshAll: () => Promise<void>; send: () => Promise<void>; submit: () => Promise<void> }

interface CommandEvent { completed: () => void }
type Associate = (name: string, handler: (event: CommandEvent) => Promise<void>) => void;

export function registerCommands(commands: Commands): void {
  const associate = (globalThis as { Office?: { actions?: { associate?: Associate } } }).Office?.actions?.associate;
  if (!associate) return;
  const run = (work: () => Promise<void>) => async (event: CommandEvent) => {
    try {
      await act(work);
    } finally {
      event.completed();
    }
  };
  associate("refreshForm", run(commands.refresh));
  associate("refreshAllForms", run(commands.refreshAll));
  associate("sendForm", run(commands.send));
  associate("submitForm", run(commands.submit));
}
