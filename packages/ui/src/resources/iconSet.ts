/** The icons `x-icon` may name, imported one by one: their own chunk, which `iconFor` loads on first use. */
import AccountBalanceWallet from '@mui/icons-material/AccountBalanceWallet';
import AssignmentReturn from '@mui/icons-material/AssignmentReturn';
import Build from '@mui/icons-material/Build';
import Business from '@mui/icons-material/Business';
import CalendarMonth from '@mui/icons-material/CalendarMonth';
import ContactPhone from '@mui/icons-material/ContactPhone';
import CreditScore from '@mui/icons-material/CreditScore';
import Description from '@mui/icons-material/Description';
import EditNote from '@mui/icons-material/EditNote';
import EventAvailable from '@mui/icons-material/EventAvailable';
import EventNote from '@mui/icons-material/EventNote';
import Feedback from '@mui/icons-material/Feedback';
import Flag from '@mui/icons-material/Flag';
import Insights from '@mui/icons-material/Insights';
import Lightbulb from '@mui/icons-material/Lightbulb';
import LocalShipping from '@mui/icons-material/LocalShipping';
import Payments from '@mui/icons-material/Payments';
import ReceiptLong from '@mui/icons-material/ReceiptLong';
import ReportProblem from '@mui/icons-material/ReportProblem';
import RequestQuote from '@mui/icons-material/RequestQuote';
import SentimentSatisfied from '@mui/icons-material/SentimentSatisfied';
import ShoppingCart from '@mui/icons-material/ShoppingCart';
import Storefront from '@mui/icons-material/Storefront';
import TrendingUp from '@mui/icons-material/TrendingUp';
import People from '@mui/icons-material/People';
import Person from '@mui/icons-material/Person';
import Groups from '@mui/icons-material/Groups';
import Badge from '@mui/icons-material/Badge';
import Inventory from '@mui/icons-material/Inventory';
import Inventory2 from '@mui/icons-material/Inventory2';
import MapIcon from '@mui/icons-material/Map';
import Place from '@mui/icons-material/Place';
import Campaign from '@mui/icons-material/Campaign';
import Handshake from '@mui/icons-material/Handshake';
import Assignment from '@mui/icons-material/Assignment';
import AttachMoney from '@mui/icons-material/AttachMoney';
import Receipt from '@mui/icons-material/Receipt';
import SupportAgent from '@mui/icons-material/SupportAgent';
import Star from '@mui/icons-material/Star';
import Category from '@mui/icons-material/Category';
import School from '@mui/icons-material/School';
import Work from '@mui/icons-material/Work';
import Gavel from '@mui/icons-material/Gavel';
import Savings from '@mui/icons-material/Savings';
import PriceChange from '@mui/icons-material/PriceChange';
import Leaderboard from '@mui/icons-material/Leaderboard';
import Timeline from '@mui/icons-material/Timeline';
import Assessment from '@mui/icons-material/Assessment';
import HowToReg from '@mui/icons-material/HowToReg';
import Apartment from '@mui/icons-material/Apartment';
import Contacts from '@mui/icons-material/Contacts';
import ListAlt from '@mui/icons-material/ListAlt';
import Sell from '@mui/icons-material/Sell';
import LocalOffer from '@mui/icons-material/LocalOffer';
import type { IconName } from '@ra-sales/schema';
import type { ComponentType } from 'react';

/** The default when `x-icon` is absent or not in this table. */
export const DefaultIcon = ListAlt;

/**
 * Material icons by name. The generated screens import their icon directly, so any Material
 * icon works there; `iconFor` looks names up here, and a host adds more with `icons`.
 * Typed against `ICON_NAMES` of @ra-sales/schema (the names `pnpm check` accepts): a name missing
 * here, or one here that the list lacks, fails the type check.
 */
export const materialIcons: Record<IconName, ComponentType> = {
  AccountBalanceWallet,
  AssignmentReturn,
  Build,
  Business,
  CalendarMonth,
  ContactPhone,
  CreditScore,
  Description,
  EditNote,
  EventAvailable,
  EventNote,
  Feedback,
  Flag,
  Insights,
  Lightbulb,
  LocalShipping,
  Payments,
  ReceiptLong,
  ReportProblem,
  RequestQuote,
  SentimentSatisfied,
  ShoppingCart,
  Storefront,
  TrendingUp,
  People,
  Person,
  Groups,
  Badge,
  Inventory,
  Inventory2,
  Map: MapIcon,
  Place,
  Campaign,
  Handshake,
  Assignment,
  AttachMoney,
  Receipt,
  SupportAgent,
  Star,
  Category,
  School,
  Work,
  Gavel,
  Savings,
  PriceChange,
  Leaderboard,
  Timeline,
  Assessment,
  HowToReg,
  Apartment,
  Contacts,
  ListAlt,
  Sell,
  LocalOffer,
};
