// The store needs only a little of a template: its id and version (stamped on an inspection so
// an old draft keeps its form version) and which questions exist with which answer type (so a
// saved answer fits its question and carry-forward skips questions a newer version dropped).
import type { ModuleId } from '../../shared/domain/index.ts';
import { allTemplates, type Template } from '../../shared/domain/templates/index.ts';
import { InvalidInputError } from './errors.ts';

export interface TemplateInfo {
  id: ModuleId;
  version: number;
  /** Question id -> answer type ('ja-nee', 'number', ...). */
  questions: ReadonlyMap<string, string>;
}

export interface TemplateCatalogue {
  /** The newest version of a module's template; new inspections use it. */
  latest(module: ModuleId): TemplateInfo;
  /** One exact version, for inspections started with an older version. */
  get(id: ModuleId, version: number): TemplateInfo | undefined;
}

export function templateInfo(template: Template): TemplateInfo {
  const questions = new Map<string, string>();
  for (const group of template.groups)
    for (const question of group.questions) questions.set(question.id, question.type);
  return { id: template.id, version: template.version, questions };
}

/** A catalogue over a list of templates (all versions of all modules). */
export function catalogueOf(templates: readonly Template[]): TemplateCatalogue {
  const infos = templates.map(templateInfo);
  return {
    latest(module) {
      let best: TemplateInfo | undefined;
      for (const info of infos)
        if (info.id === module && (!best || info.version > best.version)) best = info;
      if (!best) throw new InvalidInputError(`Er is geen vragenlijst voor module ${module}.`);
      return best;
    },
    get: (id, version) => infos.find((info) => info.id === id && info.version === version),
  };
}

/** Every template version this app ships. */
export const shippedTemplates: TemplateCatalogue = catalogueOf(allTemplates);
