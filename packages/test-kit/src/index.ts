export { type BffProcess, bffDir, repoRoot, type StartBffOptions, startBff } from './bff-process.ts';
export {
  type ChromiumChoice,
  findChromium,
  NO_CHROMIUM_MESSAGE,
  SYSTEM_CHROMIUM,
} from './chromium.ts';
export { type MailMessage, type ParsedMail, parseMail, readMailbox } from './mail.ts';
export {
  createScratchDatabase,
  DEFAULT_POSTGRES_SERVER,
  databaseUrlOn,
  type ScratchDatabase,
} from './scratch-database.ts';
