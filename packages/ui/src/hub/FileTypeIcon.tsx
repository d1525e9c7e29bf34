/** An icon for a file's content type: PDF, picture, document, spreadsheet, slides, archive, other. */
import type { ComponentType } from 'react';
import Archive from '@mui/icons-material/Archive';
import Description from '@mui/icons-material/Description';
import Image from '@mui/icons-material/Image';
import InsertDriveFile from '@mui/icons-material/InsertDriveFile';
import PictureAsPdf from '@mui/icons-material/PictureAsPdf';
import Slideshow from '@mui/icons-material/Slideshow';
import TableChart from '@mui/icons-material/TableChart';

type Icon = ComponentType<{ fontSize?: 'small'; color?: 'action' | 'error' | 'primary' | 'success' | 'warning' }>;

const ICONS: [RegExp, Icon, 'action' | 'error' | 'primary' | 'success' | 'warning'][] = [
  [/^application\/pdf$/, PictureAsPdf, 'error'],
  [/^image\//, Image, 'primary'],
  [/(spreadsheet|ms-excel|^text\/csv$)/, TableChart, 'success'],
  [/(presentation|powerpoint)/, Slideshow, 'warning'],
  [/(wordprocessing|msword|^text\/plain$)/, Description, 'primary'],
  [/^application\/zip$/, Archive, 'action'],
];

export function FileTypeIcon({ contentType }: { contentType: string }) {
  const [, Found, color] = ICONS.find(([pattern]) => pattern.test(contentType)) ?? [null, InsertDriveFile, 'action' as const];
  return <Found fontSize="small" color={color} data-testid="file-type-icon" data-type={contentType} />;
}
