"""policyspec: policy documents as trustworthy structured data."""
