/** Names for the generated OpenAPI schemas the app uses; the shapes (and the enums' values) come from schema.ts. */
import type { components } from './schema';

// The API's enums as runtime lists, in the API's order (generated with --enum-values: never typed by hand).
export {
  apiKeyScopeValues as API_KEY_SCOPES,
  appointmentKindValues as APPOINTMENT_KINDS,
  appointmentStatusValues as APPOINTMENT_STATUSES,
  paymentMethodValues as PAYMENT_METHODS,
  availabilityValues as AVAILABILITIES,
  contactMediumValues as CONTACT_MEDIUMS,
  contactWithValues as CONTACT_WITH,
  reminderChannelValues as REMINDER_CHANNELS,
  clientStatusValues as CLIENT_STATUSES,
  customFieldTypeValues as CUSTOM_FIELD_TYPES,
  duplicateReasonValues as DUPLICATE_REASONS,
  localeValues as LOCALES,
  mergeFieldValues as MERGE_FIELDS,
  relationshipTypeValues as RELATIONSHIP_TYPES,
  roleValues as ROLES,
  entryKindValues as ENTRY_KINDS,
  agingSortValues as AGING_SORTS,
  overDaysValues as OVER_DAYS,
} from './schema';

export type User = components['schemas']['UserOut'];
export type Role = User['role'];
export type TokenResponse = components['schemas']['TokenOut'];
export type LoginRequest = components['schemas']['LoginIn'];

// Clients and the reference data their screens read.
export type Client = components['schemas']['ClientOut'];
export type ClientPage = components['schemas']['ClientPage'];
export type ClientCreate = components['schemas']['ClientCreate'];
export type ClientUpdate = components['schemas']['ClientUpdate'];
export type ClientStatus = components['schemas']['ClientStatus'];
export type Balance = components['schemas']['BalanceOut'];
export type PractitionerRef = components['schemas']['PractitionerRef'];
export type Locale = components['schemas']['Locale'];
export type Relationship = components['schemas']['RelationshipOut'];
export type RelationshipCreate = components['schemas']['RelationshipCreate'];
export type RelationshipUpdate = components['schemas']['RelationshipUpdate'];
export type RelationshipType = components['schemas']['RelationshipType'];
export type RelatedClient = components['schemas']['RelatedClientRef'];
export type Enrollment = components['schemas']['EnrollmentOut'];
export type EnrollmentCreate = components['schemas']['EnrollmentCreate'];
export type EnrollmentUpdate = components['schemas']['EnrollmentUpdate'];
export type CustomFieldDefinition = components['schemas']['CustomFieldOut'];
export type CustomFieldType = components['schemas']['CustomFieldType'];
export type PractitionerRecord = components['schemas']['PractitionerOut'];
export type ProgramRecord = components['schemas']['ProgramOut'];
export type PossibleDuplicatesQuery = components['schemas']['PossibleDuplicatesQuery'];
export type PossibleDuplicate = components['schemas']['PossibleDuplicateOut'];
export type DuplicateReason = components['schemas']['DuplicateReason'];
export type MergeField = components['schemas']['MergeField'];
export type MergeResult = components['schemas']['MergeOut'];
export type MergeFieldChoice = components['schemas']['FieldChoiceOut'];
export type MergeDropped = components['schemas']['DroppedOut'];
export type PracticeSettings = components['schemas']['PracticeOut'];

// Settings: the practice, staff users, the catalog, custom field definitions and API keys.
export type PracticeUpdate = components['schemas']['PracticeUpdate'];
export type StaffUser = components['schemas']['StaffUserOut'];
export type StaffUserCreate = components['schemas']['StaffUserCreate'];
export type StaffUserUpdate = components['schemas']['StaffUserUpdate'];
export type PractitionerCreate = components['schemas']['PractitionerCreate'];
export type PractitionerUpdate = components['schemas']['PractitionerUpdate'];
export type Service = components['schemas']['ServiceOut'];
export type ServiceCreate = components['schemas']['ServiceCreate'];
export type ServiceUpdate = components['schemas']['ServiceUpdate'];
export type LocationRecord = components['schemas']['LocationOut'];
export type LocationCreate = components['schemas']['LocationCreate'];
export type LocationUpdate = components['schemas']['LocationUpdate'];
export type Room = components['schemas']['RoomOut'];
export type RoomCreate = components['schemas']['RoomCreate'];
export type RoomUpdate = components['schemas']['RoomUpdate'];
export type ProgramCreate = components['schemas']['ProgramCreate'];
export type ProgramUpdate = components['schemas']['ProgramUpdate'];
export type CustomFieldCreate = components['schemas']['CustomFieldCreate'];
export type CustomFieldUpdate = components['schemas']['CustomFieldUpdate'];
export type ApiKey = components['schemas']['ApiKeyOut'];
export type ApiKeyCreate = components['schemas']['ApiKeyCreate'];
export type ApiKeyCreated = components['schemas']['ApiKeyCreated'];
export type ApiKeyScope = components['schemas']['ApiKeyScope'];

// Scheduling: calendar entries, appointments and how a session ended.
export type CalendarEntry = components['schemas']['CalendarEntryOut'];
export type Appointment = components['schemas']['AppointmentOut'];
export type AppointmentCreate = components['schemas']['AppointmentCreate'];
export type AppointmentUpdate = components['schemas']['AppointmentUpdate'];
export type AppointmentKind = components['schemas']['AppointmentKind'];
export type AppointmentStatus = components['schemas']['AppointmentStatus'];
export type Availability = components['schemas']['Availability'];
export type ContactMedium = components['schemas']['ContactMedium'];
export type ContactWith = components['schemas']['ContactWith'];
export type Reminder = components['schemas']['Reminder'];
export type ReminderChannel = components['schemas']['ReminderChannel'];

// Recurring series: booking one, and a scoped change of an occurrence (its plan, previewed with dry_run).
export type SeriesCreate = components['schemas']['SeriesCreate'];
/** When a series repeats (RFC 5545 subset), as the API reads it. */
export type RecurrenceRule = components['schemas']['RecurrenceRule'];
export type WeekdayCode = NonNullable<RecurrenceRule['by_weekday']>[number];
export type SeriesCreated = components['schemas']['SeriesCreated'];
export type SeriesChange = components['schemas']['SeriesChange'];
export type SeriesChangeScope = SeriesChange['scope'];
export type SeriesPlan = components['schemas']['SeriesPlanOut'];
export type SeriesKept = components['schemas']['Kept'];

// The ledger: a client's statement and money entries, bills and the payments applied to them, practice reports.
export type StatementLine = components['schemas']['StatementLineOut'];
export type Statement = components['schemas']['StatementOut'];
export type LedgerEntry = components['schemas']['EntryOut'];
export type EntryKind = components['schemas']['EntryKind'];
export type ChargeType = components['schemas']['ChargeType'];
export type PaymentMethod = components['schemas']['PaymentMethod'];
export type AdjustmentDirection = components['schemas']['AdjustmentDirection'];
export type PaymentCreate = components['schemas']['PaymentIn'];
export type ChargeCreate = components['schemas']['ChargeIn'];
export type AdjustmentCreate = components['schemas']['AdjustmentIn'];
export type RefundCreate = components['schemas']['RefundIn'];
export type AllocationCreate = components['schemas']['AllocationIn'];
export type Bill = components['schemas']['BillOut'];
export type BillStatus = components['schemas']['BillStatus'];
export type BillLine = components['schemas']['BillLineOut'];
export type Allocation = components['schemas']['AllocationOut'];
export type DailyClose = components['schemas']['DailyCloseOut'];
export type MethodTotal = components['schemas']['MethodTotalOut'];
export type CloseEntry = components['schemas']['CloseEntryOut'];
export type AgingRow = components['schemas']['AgingRowOut'];
export type PracticeEntry = components['schemas']['PracticeEntryOut'];
export type UnpaidBill = components['schemas']['UnpaidBillOut'];
export type AgingSort = components['schemas']['AgingSort'];
export type OverDays = components['schemas']['OverDays'];
