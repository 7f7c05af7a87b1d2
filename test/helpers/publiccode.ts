// A check of a publiccode.yml against the keys of the publiccode.yml standard (version 0, the core
// schema: https://yml.publiccode.tools/schema.core.html): the mandatory keys and sections, the
// types, the enumerated values and the controlled vocabularies (categories, scope, the `supports`
// aliases), the lengths of the descriptions, the conditional keys of `maintenance`, the date
// format. The deprecated Italian section (`IT`) is accepted as the standard describes it. Each
// problem is one line naming its key.

const TOP_LEVEL = new Set([
  "publiccodeYmlVersion", "name", "applicationSuite", "url", "landingURL", "isBasedOn", "softwareVersion", "releaseDate", "logo",
  "monochromeLogo", "inputTypes", "outputTypes", "platforms", "categories", "usedBy", "fundedBy", "roadmap", "developmentStatus",
  "softwareType", "supports", "organisation", "intendedAudience", "description", "legal", "maintenance", "localisation", "dependsOn", "IT",
]);
const DEVELOPMENT_STATUS = ["concept", "development", "beta", "stable", "obsolete"];
const SOFTWARE_TYPE = ["standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend", "standalone/other", "addon", "library", "configurationFiles"];
const MAINTENANCE_TYPE = ["internal", "contract", "community", "none"];
const ALIASES = ["gdpr", "eidas", "nis2", "cra", "spid", "cie", "anpr", "pagopa", "io"];
const SCOPES = [
  "agriculture", "culture", "defence", "education", "emergency-services", "employment", "energy", "environment", "finance-and-economic-development",
  "foreign-affairs", "government", "healthcare", "infrastructures", "justice", "local-authorities", "manufacturing", "research",
  "science-and-technology", "security", "society", "sport", "tourism", "transportation", "welfare",
];
const CATEGORIES = [
  "accounting", "agile-project-management", "applicant-tracking", "application-development", "appointment-scheduling", "backup", "billing-and-invoicing",
  "blog", "budgeting", "business-intelligence", "business-process-management", "cad", "call-center-management", "cloud-management", "collaboration",
  "communications", "compliance-management", "contact-management", "content-management", "crm", "customer-service-and-support", "data-analytics",
  "data-collection", "data-visualization", "design", "design-system", "digital-asset-management", "digital-citizenship", "document-management",
  "donor-management", "e-commerce", "e-signature", "educational-content", "email-management", "email-marketing", "employee-management",
  "enterprise-project-management", "enterprise-social-networking", "erp", "event-management", "facility-management", "feedback-and-reviews-management",
  "financial-reporting", "fleet-management", "fundraising", "gamification", "geographic-information-systems", "grant-management", "graphic-design",
  "help-desk", "hr", "ide", "identity-management", "instant-messaging", "integrated-library-system", "inventory-management", "it-asset-management",
  "it-development", "it-management", "it-security", "it-service-management", "knowledge-management", "learning-management-system", "marketing",
  "mind-mapping", "mobile-marketing", "mobile-payment", "network-management", "office", "online-booking", "online-community", "payment-gateway",
  "payroll", "predictive-analysis", "procurement", "productivity-suite", "project-collaboration", "project-management", "property-management",
  "real-estate-management", "regulations-and-directives", "remote-support", "resource-management", "sales-management", "seo", "service-desk",
  "social-media-management", "survey", "talent-management", "task-management", "taxes-management", "test-management", "time-management",
  "time-tracking", "translation", "video-conferencing", "video-editing", "visitor-management", "voip", "warehouse-management", "web-collaboration",
  "web-conferencing", "website-builder", "whistleblowing", "workflow-management", "other",
];
/** A BCP 47 tag: its primary language subtag, then optional subtags. */
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** An SPDX license expression: identifiers joined by AND, OR or WITH, in parentheses or not. */
const SPDX = /^\(*[A-Za-z0-9.+-]+\)*( (AND|OR|WITH) \(*[A-Za-z0-9.+-]+\)*)*$/;
const COUNTRY = /^[A-Z]{2}$/;

type Doc = Record<string, unknown>;
const isObject = (value: unknown): value is Doc => typeof value === "object" && value !== null && !Array.isArray(value);
const isUrl = (value: unknown): boolean => {
  if (typeof value !== "string") return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
};

/** The problems of a parsed publiccode.yml against the standard, one line each; none when it is valid. */
export function publiccodeProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const problem = (key: string, what: string) => problems.push(`${key}: ${what}`);
  if (!isObject(doc)) return ["(document): not a mapping of keys"];
  const string = (value: unknown, key: string, mandatory: boolean) => {
    if (value === undefined) {
      if (mandatory) problem(key, "missing (mandatory)");
    } else if (typeof value !== "string" || value.trim() === "") problem(key, "not a string");
  };
  const strings = (value: unknown, key: string, allowed?: readonly string[]) => {
    if (value === undefined) return;
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) return problem(key, "not a list of strings");
    if (allowed !== undefined) for (const item of value as string[]) if (!allowed.includes(item)) problem(key, `"${item}" is not one of the standard's values`);
  };
  const oneOf = (value: unknown, key: string, allowed: readonly string[]) => {
    if (value === undefined) problem(key, "missing (mandatory)");
    else if (typeof value !== "string" || !allowed.includes(value)) problem(key, `${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
  };

  for (const key of Object.keys(doc)) if (!TOP_LEVEL.has(key)) problem(key, "not a key of the standard");
  string(doc.publiccodeYmlVersion, "publiccodeYmlVersion", true);
  if (typeof doc.publiccodeYmlVersion === "string" && !/^0(\.\d+)*$/.test(doc.publiccodeYmlVersion)) problem("publiccodeYmlVersion", `"${doc.publiccodeYmlVersion}" is not a version 0 of the standard`);
  string(doc.name, "name", true);
  if (doc.url === undefined) problem("url", "missing (mandatory)");
  else if (!isUrl(doc.url)) problem("url", "not a URL");
  if (doc.landingURL !== undefined && !isUrl(doc.landingURL)) problem("landingURL", "not a URL");
  string(doc.softwareVersion, "softwareVersion", false);
  if (doc.releaseDate !== undefined && (typeof doc.releaseDate !== "string" || !DATE.test(doc.releaseDate))) problem("releaseDate", "not a date YYYY-MM-DD");
  if (doc.platforms === undefined) problem("platforms", "missing (mandatory)");
  else if (typeof doc.platforms !== "string") strings(doc.platforms, "platforms");
  strings(doc.categories, "categories", CATEGORIES);
  strings(doc.usedBy, "usedBy");
  oneOf(doc.developmentStatus, "developmentStatus", DEVELOPMENT_STATUS);
  oneOf(doc.softwareType, "softwareType", SOFTWARE_TYPE);

  if (doc.supports !== undefined) {
    if (!Array.isArray(doc.supports)) problem("supports", "not a list");
    else
      for (const [i, item] of (doc.supports as unknown[]).entries()) {
        const id = isObject(item) ? item.id : undefined;
        if (typeof id !== "string") problem(`supports[${String(i)}].id`, "missing (mandatory)");
        else if (id.startsWith("alias:")) {
          if (!ALIASES.includes(id.slice("alias:".length))) problem(`supports[${String(i)}].id`, `unknown alias ${id}`);
        } else if (!isUrl(id)) problem(`supports[${String(i)}].id`, `${id} is not a URI`);
      }
  }
  if (doc.organisation !== undefined) {
    if (!isObject(doc.organisation)) problem("organisation", "not a section");
    else string(doc.organisation.uri, "organisation/uri", true);
  }
  if (doc.intendedAudience !== undefined) {
    if (!isObject(doc.intendedAudience)) problem("intendedAudience", "not a section");
    else {
      for (const key of ["countries", "unsupportedCountries"]) {
        strings(doc.intendedAudience[key], `intendedAudience/${key}`);
        const codes = doc.intendedAudience[key];
        if (Array.isArray(codes)) for (const code of codes) if (typeof code === "string" && !COUNTRY.test(code.toUpperCase())) problem(`intendedAudience/${key}`, `"${code}" is not an ISO 3166-1 alpha-2 code`);
      }
      strings(doc.intendedAudience.scope, "intendedAudience/scope", SCOPES);
    }
  }

  if (!isObject(doc.description) || Object.keys(doc.description).length === 0) problem("description", "missing (mandatory, at least one language)");
  else {
    let long = false;
    let features = false;
    for (const [lang, text] of Object.entries(doc.description)) {
      const key = `description/${lang}`;
      if (!LANGUAGE.test(lang)) problem(key, "not a BCP 47 language tag");
      if (!isObject(text)) {
        problem(key, "not a section");
        continue;
      }
      string(text.shortDescription, `${key}/shortDescription`, true);
      if (typeof text.shortDescription === "string" && text.shortDescription.length > 150) problem(`${key}/shortDescription`, `${String(text.shortDescription.length)} characters, more than 150`);
      if (text.longDescription !== undefined) {
        long = true;
        if (typeof text.longDescription !== "string") problem(`${key}/longDescription`, "not a string");
        else if (text.longDescription.length < 150 || text.longDescription.length > 10_000) problem(`${key}/longDescription`, `${String(text.longDescription.length)} characters, not between 150 and 10000`);
      }
      if (text.features !== undefined) {
        features = true;
        strings(text.features, `${key}/features`);
      }
      for (const url of ["documentation", "apiDocumentation"]) if (text[url] !== undefined && !isUrl(text[url])) problem(`${key}/${url}`, "not a URL");
      strings(text.screenshots, `${key}/screenshots`);
      strings(text.videos, `${key}/videos`);
      strings(text.awards, `${key}/awards`);
    }
    if (!long) problem("description/[lang]/longDescription", "missing (mandatory for at least one language)");
    if (!features) problem("description/[lang]/features", "missing (mandatory for at least one language)");
  }

  if (!isObject(doc.legal)) problem("legal", "missing (mandatory)");
  else {
    string(doc.legal.license, "legal/license", true);
    if (typeof doc.legal.license === "string" && !SPDX.test(doc.legal.license)) problem("legal/license", `"${doc.legal.license}" is not an SPDX expression`);
    string(doc.legal.mainCopyrightOwner, "legal/mainCopyrightOwner", false);
  }

  if (!isObject(doc.maintenance)) problem("maintenance", "missing (mandatory)");
  else {
    const type = doc.maintenance.type;
    oneOf(type, "maintenance/type", MAINTENANCE_TYPE);
    const { contractors, contacts } = doc.maintenance;
    if (type === "contract") {
      if (!Array.isArray(contractors) || contractors.length === 0) problem("maintenance/contractors", "missing (mandatory for a contract)");
      else
        for (const [i, c] of (contractors as unknown[]).entries()) {
          if (!isObject(c) || typeof c.name !== "string") problem(`maintenance/contractors[${String(i)}]/name`, "missing (mandatory)");
          if (!isObject(c) || typeof c.until !== "string" || !DATE.test(c.until)) problem(`maintenance/contractors[${String(i)}]/until`, "missing or not a date YYYY-MM-DD");
        }
    } else if (contractors !== undefined) problem("maintenance/contractors", "only for a maintenance of type contract");
    if ((type === "internal" || type === "community") && (!Array.isArray(contacts) || contacts.length === 0)) problem("maintenance/contacts", `missing (mandatory for ${type})`);
    if (Array.isArray(contacts)) for (const [i, c] of (contacts as unknown[]).entries()) if (!isObject(c) || typeof c.name !== "string") problem(`maintenance/contacts[${String(i)}]/name`, "missing (mandatory)");
  }

  if (!isObject(doc.localisation)) problem("localisation", "missing (mandatory)");
  else {
    if (typeof doc.localisation.localisationReady !== "boolean") problem("localisation/localisationReady", "missing or not a boolean");
    const languages = doc.localisation.availableLanguages;
    if (!Array.isArray(languages) || languages.length === 0) problem("localisation/availableLanguages", "missing (mandatory)");
    else for (const lang of languages) if (typeof lang !== "string" || !LANGUAGE.test(lang)) problem("localisation/availableLanguages", `${JSON.stringify(lang)} is not a BCP 47 language tag`);
  }

  if (doc.dependsOn !== undefined) {
    if (!isObject(doc.dependsOn)) problem("dependsOn", "not a section");
    else
      for (const [kind, list] of Object.entries(doc.dependsOn)) {
        if (!["open", "proprietary", "hardware"].includes(kind)) problem(`dependsOn/${kind}`, "not a key of the standard");
        else if (!Array.isArray(list)) problem(`dependsOn/${kind}`, "not a list");
        else for (const [i, d] of (list as unknown[]).entries()) if (!isObject(d) || typeof d.name !== "string") problem(`dependsOn/${kind}[${String(i)}]/name`, "missing (mandatory)");
      }
  }
  if (doc.IT !== undefined && (!isObject(doc.IT) || doc.IT.countryExtensionVersion !== "1.0")) problem("IT/countryExtensionVersion", 'must be "1.0"');
  return problems;
}
