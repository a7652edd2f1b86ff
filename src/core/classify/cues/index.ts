// Every text cue, in a fixed order: the model's feature layout follows this list, so append new
// cues at the end and retrain.
import type { Cue } from '../cue';
import buyCall from './buy-call';
import contactSales from './contact-sales';
import coupon from './coupon';
import courseSignup from './course-signup';
import ctaPointer from './cta-pointer';
import disclosure from './disclosure';
import followFooter from './follow-footer';
import freeEvent from './free-event';
import freeOffer from './free-offer';
import giveaway from './giveaway';
import jobPosting from './job-posting';
import localDeal from './local-deal';
import newsReport from './news-report';
import orderDelivery from './order-delivery';
import paidCommunity from './paid-community';
import phoneContact from './phone-contact';
import price from './price';
import productPitch from './product-pitch';
import scanCode from './scan-code';
import shopLink from './shop-link';
import sponsored from './sponsored';
import unsubscribe from './unsubscribe';
import urgency from './urgency';

export const CUES: readonly Cue[] = [
  disclosure,
  buyCall,
  contactSales,
  scanCode,
  price,
  coupon,
  urgency,
  giveaway,
  shopLink,
  paidCommunity,
  courseSignup,
  ctaPointer,
  freeOffer,
  productPitch,
  phoneContact,
  unsubscribe,
  followFooter,
  jobPosting,
  newsReport,
  freeEvent,
  sponsored,
  localDeal,
  orderDelivery,
];
