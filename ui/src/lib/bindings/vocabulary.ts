// This file was generated from crates/studio/src/vocabulary.rs by `cargo test -p studio`. Do not edit it by hand: change the words there.

import type { Channel } from "./Channel";
import type { Field } from "./Field";
import type { PublicationState } from "./PublicationState";
import type { TrainingType } from "./TrainingType";

/** Each field's name on the form, in the review and in the conflict view. */
export const FIELD_LABELS: Readonly<Record<Field, string>> = {
  "title": "Title",
  "content": "Content",
  "type": "Type",
  "directory": "Directory",
  "channels": "Channels",
  "segments": "Segments",
  "window": "Schedule",
  "state": "State",
};

/** Whether and how the AI agent uses a training, in the words of the status line. */
export const STATE_LABELS: Readonly<Record<PublicationState, string>> = {
  "live": "Live",
  "live_with_unpublished_changes": "Live, with unpublished changes",
  "draft": "Draft",
  "out_of_use_until_published": "Draft, out of use until published",
  "live_or_out_of_use": "Live, or out of use until published",
};

/** The channels open.cx documents, in the dashboard's order, with the labels people see there. */
export const KNOWN_CHANNELS: readonly { readonly value: Channel; readonly label: string }[] = [
  { value: "web", label: "Web chat" },
  { value: "email", label: "Email" },
  { value: "phone_voice", label: "Phone" },
  { value: "slack", label: "Slack" },
  { value: "sms", label: "SMS" },
  { value: "whatsapp", label: "WhatsApp" },
  { value: "instagram", label: "Instagram" },
  { value: "messenger", label: "Messenger" },
  { value: "api", label: "API" },
  { value: "web_voice", label: "Web voice" },
];

/** A channel code this app does not know, e.g. “Other channel (fax)”. */
export function unknownChannelLabel(code: string): string {
  return "Other channel (" + code + ")";
}

/** The training types in the form's order, each with the line that explains it. */
export const TRAINING_TYPES: readonly { readonly value: TrainingType; readonly label: string; readonly explanation: string }[] = [
  { value: "SCENARIO_SPECIFIC", label: "When asked", explanation: "Used when a customer's question matches this scenario." },
  { value: "BEHAVIORAL", label: "Always on", explanation: "Applies to every conversation: tone, guardrails." },
];

/** No channel ticked: the training applies on every channel. */
export const ALL_CHANNELS = "All channels";

/** No segment ticked: the training applies to every customer. */
export const ALL_SEGMENTS = "All customers";

/** A training in no directory, and the list's place for such trainings. */
export const NO_DIRECTORY = "No directory";

/** The words of a training's schedule (its start/end window): “Active from … until …”, “Starts 24 Dec”, “Ended”. */
export const SCHEDULE_WORDS = {
  from: "Active from",
  until: "until",
  onlyUntil: "Active until",
  noEnd: "no end",
  none: "No start or end",
  emptyStart: "No start",
  emptyEnd: "No end",
  starts: "Starts",
  ended: "Ended",
} as const;

/** A segment id the workspace does not list, e.g. “Unknown segment (9a8b7c6d…)”. */
export function unknownSegmentLabel(id: string): string {
  return "Unknown segment (" + Array.from(id).slice(0, 8).join("") + "…)";
}

/** A directory id the workspace does not list, e.g. “Unknown directory (01234567…)”. */
export function unknownDirectoryLabel(id: string): string {
  return "Unknown directory (" + Array.from(id).slice(0, 8).join("") + "…)";
}
