"""Spreadsheet importers (客商库, 项目库 from the units' xlsx files). They call the
same use cases as the API; converting 万元/亿元 to 元 happens in crm.money."""
