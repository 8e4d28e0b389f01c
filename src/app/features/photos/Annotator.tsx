import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationLayer, AnnotationShape } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { Button } from '../../ui/Button.tsx';
import {
  ANNOTATION_COLORS,
  MAX_TEXT_LENGTH,
  addShape,
  canUndo,
  clampPoint,
  clearShapes,
  sameShapes,
  shapeFromDrag,
  startEdit,
  textShape,
  toLayer,
  undo,
  type AnnotationColor,
  type AnnotationEdit,
  type DrawTool,
  type Point,
  type Size,
} from './annotation-model.ts';
import { AnnotationShapes } from './AnnotationShapes.tsx';
import { photoErrorText } from './photo-errors.ts';
import './photos.css';
import { typedText } from '../../ui/typed-text.ts';

export interface AnnotatorProps {
  /** URL of the original photo (shown untouched; the drawing is a layer above it). */
  src: string;
  /** The original's size in pixels. */
  size: Size;
  alt: string;
  initialLayer: AnnotationLayer;
  onSave: (layer: AnnotationLayer) => Promise<void>;
  onClose: () => void;
  /** Show the drawing without tools (e.g. a finished inspection). */
  readOnly?: boolean;
}

const TOOLS: { tool: DrawTool; label: MessageKey }[] = [
  { tool: 'arrow', label: 'photos.annotate.arrow' },
  { tool: 'ellipse', label: 'photos.annotate.ellipse' },
  { tool: 'text', label: 'photos.annotate.text' },
];

const COLOR_NAMES: Record<AnnotationColor, MessageKey> = {
  '#e4002b': 'photos.annotate.color.red',
  '#ffd400': 'photos.annotate.color.yellow',
  '#1f6feb': 'photos.annotate.color.blue',
};

type Status = { kind: 'saved' | 'hint' | 'error'; text: string } | undefined;

export function Annotator({
  src,
  size,
  alt,
  initialLayer,
  onSave,
  onClose,
  readOnly = false,
}: AnnotatorProps) {
  const [edit, setEdit] = useState(() => startEdit(initialLayer));
  const [saved, setSaved] = useState<readonly AnnotationShape[]>(initialLayer.shapes);
  const [tool, setTool] = useState<DrawTool>('arrow');
  const [color, setColor] = useState<AnnotationColor>(ANNOTATION_COLORS[0]);
  const [text, setText] = useState('');
  const [draft, setDraft] = useState<AnnotationShape | null>(null);
  const [status, setStatus] = useState<Status>();
  const [confirmClose, setConfirmClose] = useState(false);
  const [saving, setSaving] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const surfaceRef = useRef<SVGSVGElement>(null);
  const dragStart = useRef<{ pointerId: number; at: Point } | null>(null);

  const dirty = !sameShapes(edit.shapes, saved);
  const closeRef = useRef<() => void>(() => undefined);
  closeRef.current = () => (dirty ? setConfirmClose(true) : onClose());

  // Escape on the surrounding <dialog> asks first when the drawing is unsaved.
  useEffect(() => {
    const dialog = rootRef.current?.closest('dialog');
    if (!dialog) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, []);

  function pointAt(event: PointerEvent): Point {
    const rect = surfaceRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return [0, 0];
    return clampPoint(
      (event.clientX - rect.left) / rect.width,
      (event.clientY - rect.top) / rect.height,
    );
  }

  function change(update: (current: AnnotationEdit) => AnnotationEdit) {
    setEdit(update);
    setStatus(undefined);
  }

  function onPointerDown(event: PointerEvent) {
    if (readOnly || event.button > 0) return;
    event.preventDefault();
    surfaceRef.current?.setPointerCapture(event.pointerId);
    dragStart.current = { pointerId: event.pointerId, at: pointAt(event) };
  }

  function onPointerMove(event: PointerEvent) {
    const start = dragStart.current;
    if (!start || start.pointerId !== event.pointerId || tool === 'text') return;
    setDraft(shapeFromDrag(tool, start.at, pointAt(event), size, color));
  }

  function onPointerUp(event: PointerEvent) {
    const start = dragStart.current;
    if (!start || start.pointerId !== event.pointerId) return;
    dragStart.current = null;
    setDraft(null);
    if (tool === 'text') {
      const shape = textShape(start.at, text, color);
      if (!shape) {
        setStatus({ kind: 'hint', text: t('photos.annotate.textHint') });
        return;
      }
      change((current) => addShape(current, shape));
      setText('');
      return;
    }
    const shape = shapeFromDrag(tool, start.at, pointAt(event), size, color);
    if (shape) change((current) => addShape(current, shape));
  }

  function onPointerCancel() {
    dragStart.current = null;
    setDraft(null);
  }

  async function save(): Promise<boolean> {
    setSaving(true);
    try {
      await onSave(toLayer(edit.shapes));
      setSaved(edit.shapes);
      setStatus({ kind: 'saved', text: t('photos.annotate.saved') });
      return true;
    } catch (error) {
      setStatus({ kind: 'error', text: photoErrorText(error) });
      return false;
    } finally {
      setSaving(false);
    }
  }

  const shapes = draft ? [...edit.shapes, draft] : edit.shapes;

  return (
    <div class="annotator" ref={rootRef}>
      {!readOnly && (
        <div class="annotator-toolbar" role="toolbar" aria-label={t('photos.annotate.toolbar')}>
          <div class="annotator-group">
            {TOOLS.map((item) => (
              <Button
                key={item.tool}
                variant={tool === item.tool ? 'primary' : 'secondary'}
                aria-pressed={tool === item.tool}
                onClick={() => setTool(item.tool)}
              >
                {t(item.label)}
              </Button>
            ))}
          </div>
          <div class="annotator-group" role="group" aria-label={t('photos.annotate.color')}>
            {ANNOTATION_COLORS.map((swatch) => (
              <button
                key={swatch}
                type="button"
                class="annotator-swatch"
                style={{ background: swatch }}
                aria-pressed={color === swatch}
                aria-label={t(COLOR_NAMES[swatch])}
                title={t(COLOR_NAMES[swatch])}
                onClick={() => setColor(swatch)}
              />
            ))}
          </div>
          {tool === 'text' && (
            <label class="annotator-text">
              <span>{t('photos.annotate.textInput')}</span>
              <input
                type="text"
                value={text}
                maxLength={MAX_TEXT_LENGTH}
                onInput={(event) => setText(typedText(event.currentTarget))}
              />
            </label>
          )}
          <div class="annotator-group">
            <Button variant="secondary" disabled={!canUndo(edit)} onClick={() => change(undo)}>
              {t('photos.annotate.undo')}
            </Button>
            <Button
              variant="secondary"
              disabled={edit.shapes.length === 0}
              onClick={() => change(clearShapes)}
            >
              {t('photos.annotate.clear')}
            </Button>
            <Button disabled={!dirty || saving} onClick={() => void save()}>
              {t('photos.annotate.save')}
            </Button>
          </div>
        </div>
      )}
      <div class="photo-stage">
        <img src={src} alt={alt} width={size.width} height={size.height} draggable={false} />
        <svg
          ref={surfaceRef}
          class={readOnly ? 'photo-annotation-layer' : 'photo-annotation-surface'}
          viewBox={`0 0 ${size.width} ${size.height}`}
          preserveAspectRatio="none"
          role={readOnly ? undefined : 'img'}
          aria-label={readOnly ? undefined : t('photos.annotate.surface')}
          data-shapes={edit.shapes.length}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerCancel}
        >
          <AnnotationShapes shapes={shapes} size={size} />
        </svg>
      </div>
      {!readOnly && <p class="muted photo-note">{t('photos.annotate.originalKept')}</p>}
      <div role="status" aria-live="polite" class="photo-status">
        {status && status.kind !== 'error' && status.text}
      </div>
      {status?.kind === 'error' && (
        <p role="alert" class="photo-error">
          {status.text}
        </p>
      )}
      {confirmClose ? (
        <div class="photo-confirm" role="alertdialog" aria-label={t('photos.annotate.unsaved')}>
          <p>{t('photos.annotate.unsaved')}</p>
          <div class="annotator-group">
            <Button
              disabled={saving}
              onClick={() =>
                void save().then((ok) => {
                  if (ok) onClose();
                })
              }
            >
              {t('photos.annotate.saveAndClose')}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              {t('photos.annotate.discard')}
            </Button>
          </div>
        </div>
      ) : (
        <div class="annotator-footer">
          <Button variant="secondary" onClick={() => closeRef.current()}>
            {t('photos.viewer.close')}
          </Button>
        </div>
      )}
    </div>
  );
}
