# pdfplumber's tables, for comparison (bench/processes.ts runs it where Python has pdfplumber):
# every page's extract_tables(), as its documentation shows. Prints the number of rows.
import sys

import pdfplumber

rows = 0
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        for table in page.extract_tables():
            rows += len(table)
print(rows)
