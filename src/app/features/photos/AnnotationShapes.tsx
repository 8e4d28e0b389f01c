import type { AnnotationShape } from '../../db/index.ts';
import {
  arrowGeometry,
  fontSize,
  strokeWidth,
  toPixels,
  type Point,
  type Size,
} from './annotation-model.ts';

const OUTLINE = 'rgba(0, 0, 0, 0.55)';

const points = (list: readonly Point[]) => list.map(([x, y]) => `${x},${y}`).join(' ');

/** One shape as SVG, in photo pixels (the surrounding <svg> has viewBox 0 0 width height). */
function Shape({ shape, size }: { shape: AnnotationShape; size: Size }) {
  const width = strokeWidth(size);
  const stroke = { stroke: shape.color, 'stroke-width': width, fill: 'none' };
  switch (shape.kind) {
    case 'arrow': {
      const { shaft, head } = arrowGeometry(shape.from, shape.to, size);
      return (
        <g data-shape="arrow">
          <line
            x1={shaft[0][0]}
            y1={shaft[0][1]}
            x2={shaft[1][0]}
            y2={shaft[1][1]}
            {...stroke}
            stroke-linecap="round"
          />
          <polygon points={points(head)} fill={shape.color} />
        </g>
      );
    }
    case 'ellipse': {
      const [cx, cy] = toPixels(shape.center, size);
      const [rx, ry] = toPixels(shape.radius, size);
      return <ellipse data-shape="ellipse" cx={cx} cy={cy} rx={rx} ry={ry} {...stroke} />;
    }
    case 'rectangle': {
      const [x1, y1] = toPixels(shape.from, size);
      const [x2, y2] = toPixels(shape.to, size);
      return (
        <rect
          data-shape="rectangle"
          x={Math.min(x1, x2)}
          y={Math.min(y1, y2)}
          width={Math.abs(x2 - x1)}
          height={Math.abs(y2 - y1)}
          {...stroke}
        />
      );
    }
    case 'freehand':
      return (
        <polyline
          data-shape="freehand"
          points={points(shape.points.map((point) => toPixels(point, size)))}
          {...stroke}
          stroke-linejoin="round"
          stroke-linecap="round"
        />
      );
    case 'text': {
      const [x, y] = toPixels(shape.at, size);
      // A dark outline under the fill keeps the text readable on any background.
      return (
        <text
          data-shape="text"
          x={x}
          y={y}
          fill={shape.color}
          stroke={OUTLINE}
          stroke-width={width * 0.6}
          paint-order="stroke"
          font-size={fontSize(size)}
          font-weight="700"
          dominant-baseline="middle"
        >
          {shape.text}
        </text>
      );
    }
  }
}

export function AnnotationShapes({
  shapes,
  size,
}: {
  shapes: readonly AnnotationShape[];
  size: Size;
}) {
  return (
    <>
      {shapes.map((shape, index) => (
        <Shape key={index} shape={shape} size={size} />
      ))}
    </>
  );
}

/** The drawing over an image of the same aspect ratio; ignores the pointer. */
export function AnnotationOverlay({
  shapes,
  size,
}: {
  shapes: readonly AnnotationShape[];
  size: Size;
}) {
  if (shapes.length === 0) return null;
  return (
    <svg
      class="photo-annotation-layer"
      viewBox={`0 0 ${size.width} ${size.height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <AnnotationShapes shapes={shapes} size={size} />
    </svg>
  );
}
