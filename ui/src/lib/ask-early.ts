// Imported first by the entry module, for its side effect: the start's first questions go to the
// backend before the app's components are evaluated (lib/early-start.ts).
import { askEarly } from './early-start';

askEarly();
