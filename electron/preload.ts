/**
 * The only bridge between the page and the main process. Bundled to CommonJS
 * (a sandboxed preload requires it). It exposes exactly one call, plus a
 * subscription for pushed events, and nothing of Node or Electron.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const INVOKE_CHANNEL = 'tendero:invoke';
const EVENT_CHANNEL = 'tendero:event';

contextBridge.exposeInMainWorld('tendero', {
  invoke: (channel: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
  onEvent: (listener: (name: string, payload: unknown) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) =>
      listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
