import { describeRouteMatrix } from "../support/route-matrix";

describeRouteMatrix("customer");
